package io.evento.server.security.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One failed admin login, on some instance of the cluster. */
@Entity
@Table(name = "evento_login_failure")
class LoginFailureEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "user_name", nullable = false)
    private String userName;

    @Column(name = "member_id", nullable = false)
    private String memberId;

    @Column(name = "failed_at", nullable = false)
    private OffsetDateTime failedAt;

    protected LoginFailureEntity() {
        // for the provider
    }

    LoginFailureEntity(String userName, String memberId, OffsetDateTime failedAt) {
        this.userName = userName;
        this.memberId = memberId;
        this.failedAt = failedAt;
    }
}
