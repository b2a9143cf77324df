package io.evento.bundle.sample;

import io.evento.bundle.annotation.CommandHandler;
import io.evento.bundle.annotation.Service;
import io.evento.bundle.sample.Messages.NotificationSent;
import io.evento.bundle.sample.Messages.SendNotification;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Sends notifications (here: remembers them) and records the fact as a service event. */
@Service
public class Notifier {

    public final List<String> outbox = new CopyOnWriteArrayList<>();

    @CommandHandler
    NotificationSent handle(SendNotification command) {
        outbox.add(command.to() + ": " + command.text());
        return new NotificationSent(command.to(), command.text());
    }
}
