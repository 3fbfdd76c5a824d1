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
 * <p>The producer retries retriable errors itself until {@code delivery.timeout.ms}; a failure that
 * still surfaces is fatal: nothing more is sent or acknowledged (unacknowledged messages are
 * redelivered by their source), and the next {@link #publish} rethrows it.
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
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
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
        try {
            producer.send(new ProducerRecord<>(r.topic(), r.keyBytes(), r.value()), (metadata, error) -> {
                if (error != null) {
                    fail(r, error);
                    return;
                }
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

    /** Sends what is queued, waits for Kafka's acknowledgements, then closes the producer. */
    @Override
    public void close() throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        queue.put(END);
        worker.join(Duration.ofSeconds(30).toMillis());
        producer.close(Duration.ofSeconds(10));
    }
}
