package io.evento.bundle.sample;

import io.evento.bundle.api.DomainCommand;
import io.evento.bundle.api.DomainEvent;
import io.evento.bundle.api.Query;
import io.evento.bundle.api.ServiceCommand;
import io.evento.bundle.api.ServiceEvent;
import io.evento.bundle.api.View;

/** The sample's payloads. */
public final class Messages {

    private Messages() {
    }

    public record OpenAccount(String accountId, String owner) implements DomainCommand {
        @Override
        public String aggregateId() {
            return accountId;
        }
    }

    public record Deposit(String accountId, long amount) implements DomainCommand {
        @Override
        public String aggregateId() {
            return accountId;
        }
    }

    public record Withdraw(String accountId, long amount) implements DomainCommand {
        @Override
        public String aggregateId() {
            return accountId;
        }
    }

    public record CloseAccount(String accountId) implements DomainCommand {
        @Override
        public String aggregateId() {
            return accountId;
        }
    }

    public record AccountOpened(String accountId, String owner) implements DomainEvent {
    }

    public record MoneyDeposited(String accountId, long amount, long balance) implements DomainEvent {
    }

    public record MoneyWithdrawn(String accountId, long amount, long balance) implements DomainEvent {
    }

    public record AccountClosed(String accountId) implements DomainEvent {
    }

    public record SendNotification(String to, String text) implements ServiceCommand {
        @Override
        public String lockId() {
            return to;
        }
    }

    public record NotificationSent(String to, String text) implements ServiceEvent {
    }

    public record AccountView(String accountId, String owner, long balance) implements View {
    }

    public record GetAccount(String accountId) implements Query<AccountView> {
    }

    public record ListAccounts(String owner) implements Query<AccountView> {
    }
}
