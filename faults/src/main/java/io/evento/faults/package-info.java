/**
 * The fault suite: a two-instance cluster on its own PostgreSQL, a bundle process and
 * raw-protocol callers and readers, scenarios that inject one fault each, and a history checker.
 */
package io.evento.faults;
