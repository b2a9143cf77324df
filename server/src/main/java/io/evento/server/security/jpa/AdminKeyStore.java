package io.evento.server.security.jpa;

import io.evento.server.database.Transactions;

import java.security.SecureRandom;
import java.util.Base64;

/** Reads the key that signs admin sessions; the first instance that needs one makes it. */
public final class AdminKeyStore {

    private final Transactions transactions;

    public AdminKeyStore(Transactions transactions) {
        this.transactions = transactions;
    }

    /**
     * The shared key (32 random bytes, Base64), created if there is none yet. Two instances that
     * both find none race on the primary key; the loser reads the winner's.
     */
    public String key() {
        try {
            return transactions.inTransaction(em -> {
                AdminKeyEntity known = em.find(AdminKeyEntity.class, AdminKeyEntity.ID);
                if (known != null) {
                    return known.secret();
                }
                byte[] candidate = new byte[32];
                new SecureRandom().nextBytes(candidate);
                AdminKeyEntity made = new AdminKeyEntity(Base64.getEncoder().encodeToString(candidate));
                em.persist(made);
                return made.secret();
            });
        } catch (RuntimeException lostTheRace) {
            String winner = transactions.inTransaction(em -> {
                AdminKeyEntity known = em.find(AdminKeyEntity.class, AdminKeyEntity.ID);
                return known == null ? null : known.secret();
            });
            if (winner == null) {
                throw lostTheRace;
            }
            return winner;
        }
    }
}
