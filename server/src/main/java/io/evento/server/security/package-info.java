/** Who may use the admin API: configured identities and tokens, signed session tokens, the viewer and admin roles. */
package io.evento.server.security;
