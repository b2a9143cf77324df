package io.evento.server.security.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one key (id 1) that signs admin session tokens. */
@Entity
@Table(name = "evento_admin_key")
class AdminKeyEntity {

    static final int ID = 1;

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "secret", nullable = false)
    private String secret;

    protected AdminKeyEntity() {
        // for the provider
    }

    AdminKeyEntity(String secret) {
        this.id = ID;
        this.secret = secret;
    }

    String secret() {
        return secret;
    }
}
