/** A small Jakarta EE bundle application the CDI extension's tests deploy: a counter aggregate, a projector, a REST probe. */
package io.evento.bundle.cdi.app;
