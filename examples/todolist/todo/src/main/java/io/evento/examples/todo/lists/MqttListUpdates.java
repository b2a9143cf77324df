package io.evento.examples.todo.lists;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.util.UUID;

/**
 * Publishes each changed list as JSON to MQTT topic {@code todo/lists/<listId>} (QoS 1), so clients
 * see updates once the read model is saved. A broker that is down loses the update, not the data:
 * clients re-read the list through the API. Broker: {@code todo.mqtt.url} (MicroProfile Config,
 * e.g. {@code TODO_MQTT_URL}).
 */
@ApplicationScoped
public class MqttListUpdates implements ListUpdates {

    private static final System.Logger LOG = System.getLogger(MqttListUpdates.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @ConfigProperty(name = "todo.mqtt.url", defaultValue = "tcp://127.0.0.1:1883")
    String brokerUrl;
    private MqttClient client;
    private volatile boolean closed;

    @PostConstruct
    void connect() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(true);
        options.setCleanSession(true);
        options.setConnectionTimeout(5);
        try {
            client = new MqttClient(brokerUrl, "todo-" + UUID.randomUUID(), new MemoryPersistence());
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
        while (!closed && client != null && !client.isConnected()) {
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
    public void changed(String listId, Object notice) {
        if (client == null || !client.isConnected()) {
            LOG.log(System.Logger.Level.WARNING, "MQTT update of list " + listId + " lost: not connected");
            return;
        }
        try {
            MqttMessage message = new MqttMessage(JSON.writeValueAsBytes(notice));
            message.setQos(1);
            client.publish("todo/lists/" + listId, message);
        } catch (MqttException | JsonProcessingException e) {
            LOG.log(System.Logger.Level.WARNING, "MQTT update of list " + listId + " lost: " + e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        closed = true;
        try {
            if (client != null) {
                client.disconnect();
                client.close();
            }
        } catch (MqttException e) {
            // the broker went away first
        }
    }
}
