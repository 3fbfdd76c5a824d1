package org.ecovalue.ingest.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.ecovalue.embedded.EmbeddedKafka;
import org.ecovalue.embedded.MosquittoProcess;
import org.ecovalue.ingest.BadInputCorpus;
import org.ecovalue.ingest.IngestService;
import org.ecovalue.ingest.StationDirectory;
import org.ecovalue.embedded.TopicReader;
import org.ecovalue.ingest.config.IngestConfig;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.topics.EcoTopic;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loss test: N numbered observations at QoS 1 from one station while (a) ingest crashes
 * (no drain, no acknowledgement) and restarts, (b) the Kafka broker stops and restarts on the same
 * data and port, (c) the MQTT broker (Debian Mosquitto, persistent) restarts. Every seq must be in
 * eco.observations at least once; duplicates are allowed (quality control drops them) and reported.
 */
class NoLossIT {

    private static final int N = 2_000;
    private static final String STATION = "LOSS-1";
    private static final String TOPIC = "ecovalue/v1/" + STATION + "/obs";

    @TempDir
    Path dir;

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private IngestService ingest(MosquittoProcess mqtt, int kafkaPort) throws Exception {
        Map<String, String> file = new HashMap<>();
        file.put("kafka.bootstrap-servers", "127.0.0.1:" + kafkaPort);
        file.put("mqtt.server-uri", mqtt.url());
        file.put("mqtt.client-id", "ingest-loss-1");
        // Mosquitto 2.0 keeps no backlog for a shared subscription with no member online (this test
        // showed 750 of 2000 lost that way): one instance on Mosquitto subscribes on its own session
        file.put("mqtt.shared-subscription", "false");
        file.put("mqtt.receive-maximum", "200");
        file.put("queue.capacity", "100");
        file.put("http.host", "127.0.0.1");
        file.put("http.port", "0");
        return IngestService.create(IngestConfig.from(file, Map.of()), StationDirectory.acceptAll()).start();
    }

    /** Publishes seq from..to at QoS 1, each until the broker acknowledged it (retrying across broker restarts). */
    private static void publish(MqttAsyncClient station, int from, int to) throws Exception {
        for (int seq = from; seq <= to; seq++) {
            byte[] payload = BadInputCorpus.bytes(BadInputCorpus.json(STATION, seq));
            while (true) {
                try {
                    if (!station.isConnected()) {
                        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                                .pollInterval(Duration.ofMillis(50)).until(station::isConnected);
                    }
                    station.publish(TOPIC, payload, 1, false).waitForCompletion(10_000);
                    break;
                } catch (MqttException e) {
                    // connection lost mid-publish: publish again once reconnected (a duplicate at worst)
                }
            }
        }
    }

    private static MqttAsyncClient station(MosquittoProcess mqtt) throws Exception {
        MqttAsyncClient c = new MqttAsyncClient(mqtt.url(), "station-" + STATION, new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(false);
        o.setSessionExpiryInterval(3600L);
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 2);
        c.connect(o).waitForCompletion(10_000);
        return c;
    }

    private static String firstMissing(TreeSet<Long> seen) {
        StringBuilder b = new StringBuilder();
        for (long i = 1; i <= N && b.length() < 80; i++) {
            if (!seen.contains(i)) {
                b.append(i).append(' ');
            }
        }
        return b.toString();
    }

    @Test
    void everyObservationArrivesAtLeastOnceThroughCrashesAndRestarts() throws Exception {
        int kafkaPort = freePort();
        Path kafkaDir = dir.resolve("kafka");
        EmbeddedKafka kafka = new EmbeddedKafka(kafkaDir, kafkaPort).start();
        kafka.createAllTopics();
        try (MosquittoProcess mqtt = MosquittoProcess.anonymous(dir.resolve("mosquitto"))) {
            mqtt.start();
            IngestService ingest = ingest(mqtt, kafkaPort);
            MqttAsyncClient station = station(mqtt);

            // (a) ingest crashes with messages in flight, misses a stretch, restarts
            publish(station, 1, 500);
            ingest.abort();
            publish(station, 501, 1_000);
            ingest = ingest(mqtt, kafkaPort);

            // (b) Kafka goes away while ingest holds messages, then returns on the same data and port
            publish(station, 1_001, 1_250);
            kafka.close();
            publish(station, 1_251, 1_500);
            kafka = new EmbeddedKafka(kafkaDir, kafkaPort).start();

            // (c) the MQTT broker restarts (persistence on) with messages queued and in flight
            publish(station, 1_501, 1_750);
            mqtt.restart();
            publish(station, 1_751, N);

            TreeSet<Long> seen = new TreeSet<>();
            int[] records = {0};
            try (TopicReader observations = new TopicReader(kafka.bootstrapServers(), EcoTopic.OBSERVATIONS.topic())) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    var all = observations.records();
                    for (ConsumerRecord<String, byte[]> r : all.subList(records[0], all.size())) {
                        records[0]++;
                        if (STATION.equals(r.key())) {
                            JsonNode o = Json.mapper().readTree(r.value());
                            seen.add(o.get("seq").asLong());
                        }
                    }
                    assertThat(seen.size()).as("distinct seqs; first missing: %s", firstMissing(seen)).isEqualTo(N);
                });
                long total = observations.records().stream().filter(r -> STATION.equals(r.key())).count();
                System.out.printf("loss-test: published=%d distinct=%d records=%d duplicates=%d%n",
                        N, seen.size(), total, total - seen.size());
                assertThat(seen.first()).isEqualTo(1L);
                assertThat(seen.last()).isEqualTo((long) N);
            }
            station.disconnect().waitForCompletion(5_000);
            station.close();
            ingest.close();
        } finally {
            kafka.close();
        }
    }
}
