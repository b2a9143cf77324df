/** Test support: throw-away PostgreSQL databases and server launch settings. */
package io.evento.server.testing;
