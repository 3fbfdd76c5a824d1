package org.ecovalue.ingest;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source-agnostic half of ingest: a bounded queue in front of one idempotent Kafka producer
 * ({@code acks=all}). {@link #publish} blocks while the queue is full — that is the backpressure a
 * source feels. Each record's {@link Acknowledgement} runs only after Kafka acknowledged it, so a
 * source acknowledges upstream (MQTT PUBACK …) only what is durable.
 *
 * <p>Errors are classified as Kafka Connect does: retriable ones (broker down, leader moving,
 * timeouts) are retried by the producer without end ({@code delivery.timeout.ms} = max), so a Kafka
 * outage only stalls ingest — the queue fills, sources stop acknowledging and the MQTT broker keeps
 * the messages. A failure that still surfaces is non-retriable (authorization, record too large) and
 * fatal: nothing more is sent or acknowledged (unacknowledged messages are redelivered by their
 * source), and the next {@link #publish} rethrows it; the service then stops.
 */
public final class KafkaPublisher implements AutoCloseable {

    /** Called on a Kafka I/O thread once the record is durable; must not block. */
    @FunctionalInterface
    public interface Acknowledgement {
        void durable();
    }

    /** Counts since start. */
    public record Stats(long observations, long deadLetters, int queued, boolean failed) {
    }

    /** Thrown by {@link #publish} once a record could not be written. */
    public static final class PublishFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PublishFailedException(Throwable cause) {
            super("ingest cannot write to Kafka: " + cause.getMessage(), cause);
        }
    }

    public static final int DEFAULT_CAPACITY = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(KafkaPublisher.class);

    private record Pending(Outbound record, Acknowledgement ack) {
    }

    private static final Pending END = new Pending(null, null);

    private final BlockingQueue<Pending> queue;
    private final Producer<byte[], byte[]> producer;
    private final Thread worker;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicLong observations = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private volatile long lastDurableAt = System.currentTimeMillis();
    private volatile boolean closed;

    public KafkaPublisher(Properties producerConfig, int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.producer = new KafkaProducer<>(producerConfig);
        this.worker = new Thread(this::drain, "ingest-kafka-publisher");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Idempotent, {@code acks=all}, byte[] key and value. */
    public static Properties producerConfig(String bootstrapServers, String clientId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // retry retriable errors for as long as Kafka is away (as Kafka Connect's workers do); a
        // bounded timeout would turn an outage into a fatal failure and force a restart
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.MAX_VALUE);
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    /**
     * Queues one record, blocking while the queue is full.
     *
     * @throws PublishFailedException if an earlier record could not be written
     */
    public void publish(Outbound record, Acknowledgement ack) throws InterruptedException {
        rethrowFailure();
        if (closed) {
            throw new IllegalStateException("publisher is closed");
        }
        queue.put(new Pending(record, ack));
    }

    public void rethrowFailure() {
        Throwable t = failure.get();
        if (t != null) {
            throw new PublishFailedException(t);
        }
    }

    /** How many records wait in the queue. */
    public int queued() {
        return queue.size();
    }

    /**
     * Readiness: not failed, and if records are waiting for Kafka, Kafka acknowledged one within
     * {@code stallMs} (a stalled producer means Kafka is unreachable).
     */
    public boolean isHealthy(long stallMs) {
        return failure.get() == null
                && (inFlight.get() == 0 && queue.isEmpty() || System.currentTimeMillis() - lastDurableAt < stallMs);
    }

    public Stats stats() {
        return new Stats(observations.get(), deadLetters.get(), queue.size(), failure.get() != null);
    }

    private void drain() {
        try {
            while (true) {
                Pending p = queue.take();
                if (p == END) {
                    return;
                }
                if (failure.get() != null) {
                    continue; // not acknowledged: the source redelivers it
                }
                send(p);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(Pending p) {
        Outbound r = p.record();
        inFlight.incrementAndGet();
        try {
            producer.send(new ProducerRecord<>(r.topic(), r.keyBytes(), r.value()), (metadata, error) -> {
                inFlight.decrementAndGet();
                if (error != null) {
                    fail(r, error);
                    return;
                }
                lastDurableAt = System.currentTimeMillis();
                (r.isDeadLetter() ? deadLetters : observations).incrementAndGet();
                p.ack().durable();
            });
        } catch (RuntimeException e) {
            fail(r, e);
        }
    }

    private void fail(Outbound r, Throwable error) {
        if (failure.compareAndSet(null, error)) {
            LOG.error("event=publish-failed topic={} key={} error=\"{}\"", r.topic(), r.key(), error.toString());
        }
    }

    /**
     * Stops at once, as a crash would: queued records are dropped without acknowledgement (their
     * sources redeliver them). For tests of loss and for a fatal failure.
     */
    public void abort() {
        closed = true;
        failure.compareAndSet(null, new IllegalStateException("aborted"));
        worker.interrupt();
        queue.clear();
        producer.close(Duration.ZERO);
    }

    /** Sends what is queued, waits for Kafka's acknowledgements, then closes the producer. */
    @Override
    public void close() throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        queue.put(END);
        // graceful: the worker drains the queue (send is asynchronous), close() waits for the acks
        worker.join(Duration.ofSeconds(30).toMillis());
        producer.close(Duration.ofSeconds(10));
    }
}
