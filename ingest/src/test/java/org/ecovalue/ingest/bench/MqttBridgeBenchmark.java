package org.ecovalue.ingest.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.ecovalue.embedded.EmbeddedKafka;
import org.ecovalue.embedded.MosquittoProcess;
import org.ecovalue.ingest.IngestService;
import org.ecovalue.ingest.StationDirectory;
import org.ecovalue.ingest.config.IngestConfig;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.topics.EcoTopic;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Not a test: {@code java -cp … org.ecovalue.ingest.bench.MqttBridgeBenchmark [messages]}. One
 * Mosquitto (Debian) and one in-process Kafka broker. The same publisher load (QoS 1, one station
 * per 100 messages, up to 1,000 in flight) goes first to a plain Paho subscriber (QoS 1, auto
 * acknowledgement: the cost of MQTT alone), then through ingest into eco.observations, read back by
 * a Kafka consumer. Throughput = messages / (last arrival − first publish); latency = arrival −
 * publish of each message (same JVM, System.nanoTime). The ratio of the two throughputs and the
 * difference of the latency percentiles are the cost of the bridge (decode, validate, Kafka acks=all,
 * PUBACK after Kafka).
 */
public final class MqttBridgeBenchmark {

    /** 0 = as fast as the in-flight window allows. */
    private static volatile int ratePerSecond;

    private MqttBridgeBenchmark() {
    }

    record Run(String name, int messages, double seconds, long[] latencyNs) {
        double perSecond() {
            return messages / seconds;
        }

        double percentileMs(double p) {
            long[] sorted = latencyNs.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        // second scenario: a steady rate well below saturation, where latency is the bridge's, not queueing
        int paced = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Path dir = Files.createTempDirectory("ingest-bench");
        EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start();
        kafka.createAllTopics();
        try (MosquittoProcess mqtt = MosquittoProcess.anonymous(dir.resolve("mosquitto"))) {
            mqtt.start();
            warmUp(mqtt, kafka);
            ratePerSecond = 0;
            System.out.println("== saturation: publisher at full speed, up to 1,000 QoS 1 messages in flight");
            report(plainSubscriber(mqtt, messages), throughIngest(mqtt, kafka, messages));
            ratePerSecond = paced;
            System.out.println("== steady " + paced + " msg/s for 10 s");
            report(plainSubscriber(mqtt, paced * 10), throughIngest(mqtt, kafka, paced * 10));
        } finally {
            kafka.close();
        }
    }

    private static void report(Run plain, Run bridge) {
        for (Run r : List.of(plain, bridge)) {
            System.out.printf("%-16s %7d msgs %7.2f s %9.0f msg/s  latency p50 %7.2f ms  p99 %7.2f ms%n", r.name(),
                    r.messages(), r.seconds(), r.perSecond(), r.percentileMs(0.50), r.percentileMs(0.99));
        }
        System.out.printf("bridge/plain throughput ratio %.2f; added latency p50 %.2f ms, p99 %.2f ms%n",
                bridge.perSecond() / plain.perSecond(), bridge.percentileMs(0.50) - plain.percentileMs(0.50),
                bridge.percentileMs(0.99) - plain.percentileMs(0.99));
    }

    private static void warmUp(MosquittoProcess mqtt, EmbeddedKafka kafka) throws Exception {
        plainSubscriber(mqtt, 2_000);
        throughIngest(mqtt, kafka, 2_000);
    }

    private static byte[] payload(int seq) {
        String station = "BENCH-" + (seq / 100);
        return ("{\"station\":\"" + station + "\",\"ts\":1795305600000,\"seq\":" + seq
                + ",\"readings\":[{\"param\":\"nh3n\",\"value\":0.42,\"unit\":\"mg/L\"},"
                + "{\"param\":\"flow\",\"value\":35.2,\"unit\":\"m3/s\"}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static String topic(int seq) {
        return "ecovalue/v1/BENCH-" + (seq / 100) + "/obs";
    }

    /** Publishes seq 0..n-1 at QoS 1 with up to 1,000 in flight; records each publish time. */
    private static long publishAll(MosquittoProcess mqtt, int n, long[] sentAt) throws Exception {
        MqttAsyncClient pub = new MqttAsyncClient(mqtt.url(), "bench-publisher-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setReceiveMaximum(1_000);
        pub.connect(o).waitForCompletion(10_000);
        long start = System.nanoTime();
        IMqttToken last = null;
        for (int seq = 0; seq < n; seq++) {
            if (ratePerSecond > 0) {
                long due = start + seq * 1_000_000_000L / ratePerSecond;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait); // pacing the load, not synchronising
                }
            }
            while (true) {
                try {
                    sentAt[seq] = System.nanoTime();
                    last = pub.publish(topic(seq), payload(seq), 1, false);
                    break;
                } catch (MqttException e) {
                    if (e.getReasonCode() != org.eclipse.paho.mqttv5.client.MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                        throw e;
                    }
                    Thread.onSpinWait(); // window full: the broker has not acknowledged yet
                }
            }
        }
        last.waitForCompletion(60_000);
        pub.disconnect().waitForCompletion(10_000);
        pub.close();
        return start;
    }

    private static Run plainSubscriber(MosquittoProcess mqtt, int n) throws Exception {
        long[] sentAt = new long[n];
        long[] latency = new long[n];
        AtomicLong lastArrival = new AtomicLong();
        CountDownLatch all = new CountDownLatch(n);
        Map<Integer, Boolean> seen = new ConcurrentHashMap<>();
        MqttAsyncClient sub = new MqttAsyncClient(mqtt.url(), "bench-plain-" + System.nanoTime(), new MemoryPersistence());
        sub.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) throws Exception {
                long now = System.nanoTime();
                int seq = Json.mapper().readTree(message.getPayload()).get("seq").asInt();
                if (seen.putIfAbsent(seq, true) == null) {
                    latency[seq] = now - sentAt[seq];
                    lastArrival.set(now);
                    all.countDown();
                }
            }

            @Override
            public void disconnected(MqttDisconnectResponse r) {
            }

            @Override
            public void mqttErrorOccurred(MqttException e) {
            }

            @Override
            public void deliveryComplete(IMqttToken t) {
            }

            @Override
            public void connectComplete(boolean reconnect, String uri) {
            }

            @Override
            public void authPacketArrived(int code, MqttProperties p) {
            }
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setReceiveMaximum(500);
        sub.connect(o).waitForCompletion(10_000);
        sub.subscribe("ecovalue/v1/+/+", 1).waitForCompletion(10_000);
        long start = publishAll(mqtt, n, sentAt);
        if (!all.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("plain subscriber missed " + all.getCount());
        }
        sub.disconnect().waitForCompletion(10_000);
        sub.close();
        return new Run("plain Paho", n, (lastArrival.get() - start) / 1e9, latency);
    }

    private static Run throughIngest(MosquittoProcess mqtt, EmbeddedKafka kafka, int n) throws Exception {
        Map<String, String> file = new HashMap<>();
        file.put("kafka.bootstrap-servers", kafka.bootstrapServers());
        file.put("mqtt.server-uri", mqtt.url());
        file.put("mqtt.client-id", "bench-ingest-" + System.nanoTime());
        file.put("mqtt.shared-subscription", "false");
        file.put("http.host", "127.0.0.1");
        file.put("http.port", "0");
        long[] sentAt = new long[n];
        long[] latency = new long[n];
        boolean[] seen = new boolean[n];
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (IngestService ingest = IngestService.create(IngestConfig.from(file, Map.of()), StationDirectory.acceptAll()).start();
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            String t = EcoTopic.OBSERVATIONS.topic();
            List<TopicPartition> parts = consumer.partitionsFor(t).stream().map(i -> new TopicPartition(t, i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToEnd(parts);
            parts.forEach(consumer::position);
            Thread publisher = new Thread(() -> {
                try {
                    publishAll(mqtt, n, sentAt);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long start = System.nanoTime();
            publisher.start();
            int count = 0;
            long lastArrival = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (count < n && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    int seq = Json.mapper().readTree(r.value()).get("seq").asInt();
                    if (seq < n && !seen[seq] && sentAt[seq] != 0) {
                        seen[seq] = true;
                        latency[seq] = now - sentAt[seq];
                        lastArrival = now;
                        count++;
                    }
                }
            }
            publisher.join();
            if (count < n) {
                throw new IllegalStateException("ingest delivered " + count + " of " + n);
            }
            return new Run("ingest->Kafka", n, (lastArrival - start) / 1e9, latency);
        }
    }
}
