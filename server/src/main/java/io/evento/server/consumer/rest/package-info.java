/** {@code /api/consumers}: positions, lag and dead events; retry, discard and reset actions (admin). */
package io.evento.server.consumer.rest;
