package org.ecovalue.simulator.delivery;

/** Where the simulator's messages go: an MQTT broker, or memory in tests and {@code --dry-run}. */
public interface Publisher extends AutoCloseable {

    /** Sends one message; may block for backpressure. */
    void publish(Delivery delivery) throws Exception;

    /** Drops the connection (fault {@code broker-disconnect}); nothing is published until {@link #reconnect}. */
    default void disconnect() throws Exception {
    }

    default void reconnect() throws Exception {
    }

    /** Waits until everything published has been acknowledged. */
    default void flush() throws Exception {
    }

    @Override
    default void close() throws Exception {
    }
}
