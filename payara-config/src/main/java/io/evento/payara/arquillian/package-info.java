/** Feeds the loopback recipe and a throw-away database to Arquillian's Payara Micro connector. */
package io.evento.payara.arquillian;
