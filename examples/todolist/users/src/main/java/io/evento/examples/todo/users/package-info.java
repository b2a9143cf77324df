/** Users and their list quota, and the saga keeping lists within quota across the two domains. */
package io.evento.examples.todo.users;
