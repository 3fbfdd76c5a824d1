package org.ecovalue.local.truth;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.ArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.ecovalue.ingest.IntakeDecision;
import org.ecovalue.ingest.ObservationIntake;
import org.ecovalue.ingest.Outbound;
import org.ecovalue.ingest.RawMessage;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Reading;
import org.ecovalue.schemas.observation.Source;
import org.ecovalue.simulator.delivery.Delivery;
import org.ecovalue.simulator.delivery.PayloadEncoder;
import org.ecovalue.simulator.delivery.Publisher;
import org.ecovalue.simulator.run.OpcUaSink;

/**
 * The simulator's messages straight into Kafka through ingest's own decision
 * ({@link ObservationIntake}): an MQTT message is decoded as ingest decodes it (JSON or HJ 212,
 * station-mismatch and bad packets to {@code eco.ingest.dlq}); an OPC UA value change becomes the
 * observation ingest's subscription makes of it (station, source timestamp, readings). No broker and
 * no OPC UA server in between: at simulated speed a real subscription samples, and the comparison
 * with the ground truth needs every value the simulator produced.
 */
final class SimulatorIntake implements Publisher, OpcUaSink {

    private final ObservationIntake intake = ObservationIntake.acceptingAnyStation();
    private final KafkaProducer<byte[], byte[]> producer;
    private final List<Future<RecordMetadata>> unacknowledged = new ArrayList<>();
    private final AtomicLong observations = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();

    SimulatorIntake(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void publish(Delivery delivery) {
        String source = delivery.topic().endsWith("/hj212") ? Source.MQTT_HJ212.wire() : Source.MQTT_JSON.wire();
        route(new RawMessage(source, delivery.topic(), delivery.station(), delivery.payload(), System.currentTimeMillis()));
    }

    @Override
    public void update(String station, Instant sourceTime, List<Reading> readings) {
        byte[] json = PayloadEncoder.json(new Observation(station, sourceTime, null, readings));
        route(new RawMessage(Source.OPCUA.wire(), "Objects/Stations/" + station, station, json, System.currentTimeMillis()));
    }

    private void route(RawMessage message) {
        if (intake.route(message) instanceof IntakeDecision.Publish p) {
            Outbound out = p.record();
            (out.isDeadLetter() ? deadLetters : observations).incrementAndGet();
            unacknowledged.add(producer.send(new ProducerRecord<>(out.topic(), out.keyBytes(), out.value())));
        }
    }

    @Override
    public void flush() throws Exception {
        producer.flush();
        for (Future<RecordMetadata> f : unacknowledged) {
            f.get(); // a failed send fails the test here
        }
        unacknowledged.clear();
    }

    @Override
    public void stopServer() {
        // opcua-restart: the run itself drops what is measured while the server is down
    }

    @Override
    public void startServer() {
    }

    /** Messages that became observations on {@code eco.observations}, and those ingest sent to the DLQ. */
    record Counts(long observations, long deadLetters) {
    }

    Counts counts() {
        return new Counts(observations.get(), deadLetters.get());
    }

    @Override
    public void close() {
        producer.close();
    }
}
