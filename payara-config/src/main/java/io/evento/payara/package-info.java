/** Starting Payara Micro instances with the loopback recipe and command files of {@code payara-config/}, for tests, Arquillian and benchmarks. */
package io.evento.payara;
