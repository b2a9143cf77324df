/** Where the tests find PostgreSQL, MariaDB and MQTT: configured addresses, a Docker engine (Testcontainers) or the local services. */
package io.evento.payara.services;
