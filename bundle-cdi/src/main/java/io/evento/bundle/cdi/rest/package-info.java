/** JAX-RS support for applications that call the gateways from resources: platform failures as problem+json. */
package io.evento.bundle.cdi.rest;
