/**
 * The payloads the TodoList's two bundles exchange (commands, events, queries and views of lists,
 * users and the audit trail) and the text rules both domains share; both bundle WARs carry this jar.
 */
package io.evento.examples.todo.messages;
