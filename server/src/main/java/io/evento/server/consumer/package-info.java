/** Consumers of every bundle as their owners report them (position, lag, dead events), and administrators' actions on them. */
package io.evento.server.consumer;
