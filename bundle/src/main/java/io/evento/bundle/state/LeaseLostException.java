package io.evento.bundle.state;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;

/** The lease was taken over by another instance: the transaction is rolled back. */
public final class LeaseLostException extends EventoException {

    public LeaseLostException(Lease lease) {
        super(ErrorCode.CONCURRENCY_CONFLICT, "consumer " + lease.consumerId() + " is no longer owned by " + lease.owner()
                + " (epoch " + lease.epoch() + ")");
    }
}
