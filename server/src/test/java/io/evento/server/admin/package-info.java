/** Tests of the admin API as a whole, over HTTP against a real two-instance cluster. */
package io.evento.server.admin;
