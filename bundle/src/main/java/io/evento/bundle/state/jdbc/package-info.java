/** The consumer state store on PostgreSQL or MySQL/MariaDB, with the SQL of each dialect in one class. */
package io.evento.bundle.state.jdbc;
