package org.ecovalue.ingest.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ecovalue.embedded.EmbeddedKafka;
import org.ecovalue.ingest.BadInputCorpus;
import org.ecovalue.ingest.IntakeDecision;
import org.ecovalue.ingest.KafkaPublisher;
import org.ecovalue.ingest.ObservationIntake;
import org.ecovalue.ingest.RawMessage;
import org.ecovalue.ingest.StationDirectory;
import org.ecovalue.embedded.TopicReader;
import org.ecovalue.schemas.hj212.Hj212Decoder;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.topics.EcoTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ecovalue dlq replay` after a registry fix: what is now accepted reaches eco.observations, the rest is counted. */
class DlqReplayIT {

    @TempDir
    Path dir;

    private static ObservationIntake knowing(String... stations) {
        return new ObservationIntake(Hj212Decoder.strict(),
                StationDirectory.ofIds(Set.of(stations), StationDirectory.UnknownStationPolicy.REJECT), 65_536);
    }

    @Test
    void anUnknownStationRejectedBeforeTheRegistryFixIsPublishedWhenReplayed() throws Exception {
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start()) {
            kafka.createAllTopics();
            ObservationIntake before = knowing("QH-S03");
            RawMessage newStation = new RawMessage("mqtt-json", "ecovalue/v1/QH-S09/obs", "QH-S09",
                    BadInputCorpus.bytes(BadInputCorpus.json("QH-S09", 7)), 1_795_305_600_000L);
            RawMessage garbage = new RawMessage("mqtt-json", "ecovalue/v1/QH-S03/obs", "QH-S03",
                    BadInputCorpus.bytes("{not json"), 1_795_305_600_000L);
            CountDownLatch durable = new CountDownLatch(2);
            try (KafkaPublisher publisher = new KafkaPublisher(KafkaPublisher.producerConfig(kafka.bootstrapServers(), "t"), 10)) {
                for (RawMessage m : new RawMessage[] {newStation, garbage}) {
                    publisher.publish(((IntakeDecision.Publish) before.route(m)).record(), durable::countDown);
                }
                assertThat(durable.await(30, TimeUnit.SECONDS)).isTrue();
            }

            DlqReplay.Result dry = new DlqReplay(kafka.bootstrapServers(), knowing("QH-S03", "QH-S09")).replay(r -> true, true);
            assertThat(dry.read()).isEqualTo(2);
            assertThat(dry.accepted()).isEqualTo(1);
            assertThat(dry.stillRejected()).isEqualTo(Map.of("malformed-json", 1));

            DlqReplay.Result only = new DlqReplay(kafka.bootstrapServers(), knowing("QH-S03", "QH-S09"))
                    .replay(r -> r.reason().equals("unknown-station"), false);
            assertThat(only.read()).isEqualTo(1);
            assertThat(only.accepted()).isEqualTo(1);
            try (TopicReader observations = new TopicReader(kafka.bootstrapServers(), EcoTopic.OBSERVATIONS.topic())) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(observations.records())
                        .singleElement().satisfies(r -> {
                            assertThat(r.key()).isEqualTo("QH-S09");
                            var o = Json.mapper().readTree(r.value());
                            assertThat(o.get("seq").asInt()).isEqualTo(7);
                            // the original receive time travels through the DLQ
                            assertThat(o.get("ingestedAt").asLong()).isEqualTo(1_795_305_600_000L);
                        }));
            }
        }
    }
}
