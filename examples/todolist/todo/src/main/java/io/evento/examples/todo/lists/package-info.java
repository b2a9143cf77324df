/**
 * Todo lists: the aggregate with its rules, the read model as JPA entities, the projector that
 * updates them in the transaction of its position, the projection that answers with JPA queries,
 * and the MQTT announcements after commit.
 */
package io.evento.examples.todo.lists;
