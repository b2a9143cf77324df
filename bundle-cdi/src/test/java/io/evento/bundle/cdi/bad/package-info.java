/** A component with a handler the bundle refuses, to see the deployment fail. */
package io.evento.bundle.cdi.bad;
