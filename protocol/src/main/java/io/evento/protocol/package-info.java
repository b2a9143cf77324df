/**
 * The Evento wire protocol shared by the server and the bundles: frame records, the error-code
 * enum and the JSON codec. Depends on nothing but Jackson.
 */
package io.evento.protocol;
