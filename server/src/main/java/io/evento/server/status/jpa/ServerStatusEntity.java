package io.evento.server.status.jpa;

import io.evento.server.status.ServerStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** What one server instance last published about itself (only it writes its row). */
@Entity
@Table(name = "evento_server_status")
class ServerStatusEntity {

    @Id
    @Column(name = "member_id")
    private String memberId;

    @Column(name = "instance_id", nullable = false)
    private String instanceId;

    @Column(name = "url")
    private String url;

    @Column(name = "ready", nullable = false)
    private boolean ready;

    @Column(name = "connections", nullable = false)
    private int connections;

    @Column(name = "requests", nullable = false)
    private int requests;

    @Column(name = "invocations", nullable = false)
    private int invocations;

    @Column(name = "reported_at", nullable = false)
    private OffsetDateTime reportedAt;

    protected ServerStatusEntity() {
        // for the provider
    }

    ServerStatusEntity(String memberId) {
        this.memberId = memberId;
    }

    void publish(ServerStatus status, OffsetDateTime at) {
        this.instanceId = status.instanceId();
        this.url = status.url();
        this.ready = status.ready();
        this.connections = status.connections();
        this.requests = status.requests();
        this.invocations = status.invocations();
        this.reportedAt = at;
    }

    ServerStatus status() {
        return new ServerStatus(memberId, instanceId, url, ready, connections, requests, invocations, reportedAt.toInstant());
    }
}
