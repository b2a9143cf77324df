package io.evento.bundle.cdi.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The read model: how many entries a ledger has, and how many times an entry was applied (must equal the entries). */
@Entity
@Table(name = "cdi_it_ledger")
public class LedgerRow {

    @Id
    @Column(name = "ledger_id")
    private String ledgerId;

    @Column(name = "last_number", nullable = false)
    private long lastNumber;

    @Column(name = "applied", nullable = false)
    private long applied;

    protected LedgerRow() {
        // for the provider
    }

    LedgerRow(String ledgerId) {
        this.ledgerId = ledgerId;
    }

    void apply(long number) {
        this.lastNumber = number;
        this.applied++;
    }

    public long lastNumber() {
        return lastNumber;
    }

    public long applied() {
        return applied;
    }
}
