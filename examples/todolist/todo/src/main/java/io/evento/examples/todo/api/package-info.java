/**
 * The REST API of the todo bundle (JAX-RS): resources that call the invoker, strict JSON, Bean
 * Validation of the input and problem+json failures.
 */
package io.evento.examples.todo.api;
