package io.evento.examples.todo.app;

import io.evento.examples.todo.lists.ListUpdates;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.nio.charset.StandardCharsets;

/**
 * Publishes each changed list to MQTT topic {@code todo/lists/<listId>} (QoS 1), so clients see
 * updates in real time once the read model is saved. A broker that is down loses the update, not
 * the data: clients re-read the list through the API.
 */
public final class MqttListUpdates implements ListUpdates, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MqttListUpdates.class.getName());
    private final MqttClient client;
    private volatile boolean closed;

    public MqttListUpdates(String brokerUrl, String clientId) throws MqttException {
        client = new MqttClient(brokerUrl, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(true);
        options.setCleanSession(true);
        options.setConnectionTimeout(5);
        try {
            client.connect(options);
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.WARNING, "no MQTT broker at " + brokerUrl + " (" + e.getMessage()
                    + "); updates are lost until it answers, retrying every 5 s");
            Thread retry = new Thread(() -> connectLater(options), "mqtt-connect");
            retry.setDaemon(true);
            retry.start();
        }
    }

    private void connectLater(MqttConnectOptions options) {
        while (!closed && !client.isConnected()) {
            try {
                Thread.sleep(5000);
                client.connect(options);
                LOG.log(System.Logger.Level.INFO, "MQTT broker connected");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (MqttException e) {
                // still down
            }
        }
    }

    @Override
    public void changed(String listId, String json) {
        try {
            MqttMessage message = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            if (!client.isConnected()) {
                LOG.log(System.Logger.Level.WARNING, "MQTT update of list " + listId + " lost: not connected");
                return;
            }
            client.publish("todo/lists/" + listId, message);
        } catch (MqttException e) {
            LOG.log(System.Logger.Level.WARNING, "MQTT update of list " + listId + " lost: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            client.disconnect();
            client.close();
        } catch (MqttException e) {
            // the broker went away first
        }
    }
}
