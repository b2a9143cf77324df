/** The bundle process the fault suite kills and restarts: a counter aggregate and an exactly-once projector. */
package io.evento.faults.bundle;
