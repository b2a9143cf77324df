package io.evento.server.catalog.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A description an administrator wrote for a payload, component or bundle. */
@Entity
@Table(name = "evento_catalog_description")
@IdClass(DescriptionEntity.Key.class)
class DescriptionEntity {

    @Id
    @Column(name = "subject_kind")
    private String subjectKind;

    @Id
    @Column(name = "subject_name")
    private String subjectName;

    @Column(name = "description", nullable = false)
    private String description;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected DescriptionEntity() {
        // for the provider
    }

    DescriptionEntity(String subjectKind, String subjectName, String description, String updatedBy, OffsetDateTime updatedAt) {
        this.subjectKind = subjectKind;
        this.subjectName = subjectName;
        this.description = description;
        this.updatedBy = updatedBy;
        this.updatedAt = updatedAt;
    }

    void rewrite(String description, String updatedBy, OffsetDateTime updatedAt) {
        this.description = description;
        this.updatedBy = updatedBy;
        this.updatedAt = updatedAt;
    }

    String subjectKind() {
        return subjectKind;
    }

    String subjectName() {
        return subjectName;
    }

    String description() {
        return description;
    }

    /** The primary key (kind, name). */
    public static class Key implements Serializable {
        private String subjectKind;
        private String subjectName;

        public Key() {
            // for the provider
        }

        Key(String subjectKind, String subjectName) {
            this.subjectKind = subjectKind;
            this.subjectName = subjectName;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(key.subjectKind, subjectKind) && Objects.equals(key.subjectName, subjectName);
        }

        @Override
        public int hashCode() {
            return Objects.hash(subjectKind, subjectName);
        }
    }
}
