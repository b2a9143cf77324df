/** A small banking domain written with the bundle library, used by the library's own tests. */
package io.evento.bundle.sample;
