/**
 * The smallest useful bundle in plain Java (outside Jakarta EE): a tally aggregate, an in-memory
 * read model with its projector and projection, an invoker, and a {@code main} that starts it.
 */
package io.evento.examples.tally;
