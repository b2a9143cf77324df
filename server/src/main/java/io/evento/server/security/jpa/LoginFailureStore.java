package io.evento.server.security.jpa;

import io.evento.server.database.Transactions;
import io.evento.server.security.SharedLoginFailures;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The cluster's failed logins in PostgreSQL: one row per failure, older ones than the window dropped as new ones come. */
public final class LoginFailureStore implements SharedLoginFailures {

    /** The longest user name recorded (longer ones are cut: they are guesses, not names). */
    static final int MAX_NAME = 255;

    private final Transactions transactions;
    private final String memberId;

    public LoginFailureStore(Transactions transactions, String memberId) {
        this.transactions = transactions;
        this.memberId = memberId;
    }

    @Override
    public int recordAndCount(String user, Duration window) {
        String name = user.length() > MAX_NAME ? user.substring(0, MAX_NAME) : user;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime since = now.minus(window);
        return transactions.inTransaction(em -> {
            em.createQuery("DELETE FROM LoginFailureEntity f WHERE f.failedAt < :since").setParameter("since", since).executeUpdate();
            em.persist(new LoginFailureEntity(name, memberId, now));
            em.flush();
            return em.createQuery("SELECT COUNT(f) FROM LoginFailureEntity f WHERE f.userName = :name AND f.failedAt >= :since", Long.class)
                    .setParameter("name", name).setParameter("since", since).getSingleResult().intValue();
        });
    }
}
