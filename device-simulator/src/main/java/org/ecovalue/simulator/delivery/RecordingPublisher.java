package org.ecovalue.simulator.delivery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps every message in memory, in order, with the connection events between them. */
public final class RecordingPublisher implements Publisher {

    private final List<Delivery> deliveries = Collections.synchronizedList(new ArrayList<>());
    private final List<String> connectionEvents = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean connected = true;

    @Override
    public void publish(Delivery delivery) {
        if (!connected) {
            throw new IllegalStateException("published while disconnected: " + delivery.topic());
        }
        deliveries.add(delivery);
    }

    @Override
    public void disconnect() {
        connected = false;
        connectionEvents.add("disconnect@" + deliveries.size());
    }

    @Override
    public void reconnect() {
        connected = true;
        connectionEvents.add("reconnect@" + deliveries.size());
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public List<String> connectionEvents() {
        return List.copyOf(connectionEvents);
    }
}
