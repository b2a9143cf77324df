/**
 * The annotations that declare components and their handlers; the bundle finds them by scanning its
 * packages. The component annotations are also CDI stereotypes (bean-defining: bundle-cdi finds the
 * components of a Jakarta EE application without configuration); outside CDI that meta-annotation is
 * ignored, and the CDI API is not needed at run time.
 */
package io.evento.bundle.annotation;
