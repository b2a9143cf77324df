/**
 * Evento bundles as Jakarta EE applications: a portable CDI extension that makes the annotated
 * components CDI beans, starts the bundle with the application and stops it gracefully with it,
 * and makes the gateways injectable; settings from MicroProfile Config, health as MicroProfile
 * Health checks.
 */
package io.evento.bundle.cdi;
