/** A bundle whose handlers take a service time the test sets, to check the server's flow evaluation against known figures. */
package io.evento.bundle.paced;
