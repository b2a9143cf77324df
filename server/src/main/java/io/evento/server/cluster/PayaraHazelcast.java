package io.evento.server.cluster;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Optional;

/** Payara's Hazelcast instance from JNDI, when the server has one. */
public final class PayaraHazelcast {

    static final String JNDI_NAME = "payara/Hazelcast";

    private PayaraHazelcast() {
    }

    /** The object bound in JNDI (typed access stays in the {@code hazelcast} leaves). */
    public static Optional<Object> lookup() {
        try {
            return Optional.ofNullable(new InitialContext().lookup(JNDI_NAME));
        } catch (NamingException | RuntimeException | NoClassDefFoundError e) {
            return Optional.empty();
        }
    }
}
