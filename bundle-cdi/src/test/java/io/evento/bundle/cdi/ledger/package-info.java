/**
 * A bundle whose projector keeps its read model in JPA entities, in the same JTA transaction as its
 * position (the consumer state store on the container's datasource); it can crash itself between
 * the entity update and the commit.
 */
package io.evento.bundle.cdi.ledger;
