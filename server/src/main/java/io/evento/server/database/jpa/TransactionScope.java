package io.evento.server.database.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.function.Supplier;

/** Runs work in a JTA transaction (the container's {@code @Transactional} interceptor begins and ends it). */
@ApplicationScoped
public class TransactionScope {

    @Transactional
    public <T> T call(Supplier<T> work) {
        return work.get();
    }
}
