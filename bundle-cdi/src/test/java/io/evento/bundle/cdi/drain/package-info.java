/** A bundle whose one command takes a while, to stop the application while it runs. */
package io.evento.bundle.cdi.drain;
