/** {@code /api/store}: browse the System State Store by position range, type, context and aggregate; snapshots; the head. */
package io.evento.server.store.rest;
