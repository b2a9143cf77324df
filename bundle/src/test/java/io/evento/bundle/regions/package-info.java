/** Components whose events live in contexts (eu, eu-it, us, ...), for the context tests of the bundle library. */
package io.evento.bundle.regions;
