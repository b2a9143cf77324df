package io.evento.examples.todo.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One entry of a list's audit trail. */
@Entity
@Table(name = "todo_audit", indexes = @Index(name = "todo_audit_list_idx", columnList = "list_id, id"))
public class AuditEntryRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "list_id", nullable = false)
    private String listId;
    @Column(nullable = false, length = 1000)
    private String entry;
    @Column(nullable = false)
    private OffsetDateTime at;

    protected AuditEntryRow() {
    }

    AuditEntryRow(String listId, String entry) {
        this.listId = listId;
        this.entry = entry;
        this.at = OffsetDateTime.now();
    }

    String entry() {
        return entry;
    }
}
