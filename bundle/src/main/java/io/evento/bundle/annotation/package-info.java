/** The annotations that declare components and their handlers; the bundle finds them by scanning its packages. */
package io.evento.bundle.annotation;
