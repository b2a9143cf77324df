/** Audit: an observer that records what happens to lists through a service, and the projection that shows the trail. */
package io.evento.examples.todo.audit;
