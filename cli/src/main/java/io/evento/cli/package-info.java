/**
 * The {@code evento} command: describes a bundle from its compiled classes (components, handlers,
 * payloads with JSON schema, what each handler sends), publishes it with its artifact to a server,
 * and bumps the version a bundle declares.
 */
package io.evento.cli;
