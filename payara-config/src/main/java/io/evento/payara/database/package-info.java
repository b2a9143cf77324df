/** Making sure the server's PostgreSQL database exists: set-up of role and database, and an embedded PostgreSQL for machines without one. */
package io.evento.payara.database;
