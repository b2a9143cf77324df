/** Password hashes for the admin users' configuration, in Jakarta Security's PBKDF2 encoding. */
package io.evento.payara.password;
