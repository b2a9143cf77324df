/** The bundle library's tracing agent on the Sentry Java SDK: transactions per handled message, exceptions captured. */
package io.evento.tracing.sentry;
