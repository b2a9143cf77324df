package io.evento.bundle.sample;

import io.evento.bundle.sample.Messages.AccountView;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** The sample's read model, in memory, counting how often each event was applied. */
public final class AccountViews {

    final Map<String, AccountView> accounts = new ConcurrentHashMap<>();
    final Map<String, Integer> applications = new ConcurrentHashMap<>();
    /** While set, the projector fails on deposits of 13 (a poison event). */
    public final AtomicBoolean rejectThirteen = new AtomicBoolean();

    public AccountView get(String id) {
        return accounts.get(id);
    }

    public List<AccountView> of(String owner) {
        return accounts.values().stream().filter(a -> a.owner().equals(owner)).sorted(java.util.Comparator.comparing(AccountView::accountId)).toList();
    }

    /** How many times each event id was applied. */
    public Map<String, Integer> applications() {
        return Map.copyOf(applications);
    }
}
