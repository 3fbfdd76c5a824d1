package org.ecovalue.ingest.mqtt;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Sends MQTT acknowledgements in the order the messages arrived (MQTT 5 §4.6: PUBACKs in the order
 * of the PUBLISH packets), although Kafka may acknowledge the records made from them out of order
 * (different partitions). A message is acknowledged once it and every message before it are durable.
 * A connection loss forgets pending messages: the broker redelivers them on the persistent session.
 */
final class PubackSequencer {

    /** Sends the acknowledgement of one message (PUBACK for QoS 1). */
    @FunctionalInterface
    interface Acker {
        void ack(int messageId, int qos) throws Exception;
    }

    /** One received message waiting for its record to be durable. */
    static final class Ticket {
        private final long generation;
        private final int messageId;
        private final int qos;
        private boolean durable;

        private Ticket(long generation, int messageId, int qos) {
            this.generation = generation;
            this.messageId = messageId;
            this.qos = qos;
        }
    }

    private final Acker acker;
    private final Deque<Ticket> pending = new ArrayDeque<>();
    private long generation;

    PubackSequencer(Acker acker) {
        this.acker = acker;
    }

    synchronized Ticket arrived(int messageId, int qos) {
        Ticket t = new Ticket(generation, messageId, qos);
        pending.addLast(t);
        return t;
    }

    /** Marks the ticket durable and acknowledges every leading durable message. */
    synchronized void durable(Ticket ticket) throws Exception {
        if (ticket.generation != generation) {
            return; // from a lost connection; the broker already redelivers it
        }
        ticket.durable = true;
        while (!pending.isEmpty() && pending.peekFirst().durable) {
            Ticket head = pending.removeFirst();
            if (head.qos > 0) {
                acker.ack(head.messageId, head.qos);
            }
        }
        if (pending.isEmpty()) {
            notifyAll();
        }
    }

    /** Waits until every received message is acknowledged, or the time is up; true if none is pending. */
    synchronized boolean awaitAllAcknowledged(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!pending.isEmpty()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** The connection is gone: nothing pending can be acknowledged on it any more. */
    synchronized void connectionLost() {
        generation++;
        pending.clear();
    }

    synchronized int pendingCount() {
        return pending.size();
    }
}
