package org.ecovalue.local;

import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.ecovalue.jobs.KafkaWiring;
import org.ecovalue.jobs.water.StationWaterClass;
import org.ecovalue.jobs.water.StationWaterClassCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints one line per station whenever its class changes, as committed to {@code eco.station-class}
 * (read_committed: what the terminal shows is what any consumer of the topic sees):
 * {@code 14:02:11  QX-S01 清溪口    class III  limiting nh3n}.
 */
final class StationClassConsole implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StationClassConsole.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, String> stationNames;
    private final PrintStream out;
    private final ZoneId zone;
    private final Map<String, StationWaterClass> latest = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    StationClassConsole(String bootstrapServers, Map<String, String> stationNames, PrintStream out, ZoneId zone) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "ecovalue-local-console");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(p);
        this.stationNames = Map.copyOf(stationNames);
        this.out = out;
        this.zone = zone;
        this.poller = new Thread(this::run, "station-class-console");
        this.poller.setDaemon(true);
    }

    /** Starts from the end of the topic: what changes from now on. */
    StationClassConsole start() {
        String topic = KafkaWiring.STATION_CLASS_TOPIC;
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before anything new is written
        poller.start();
        return this;
    }

    /** Stations whose class has been printed, with their latest class. */
    Map<String, StationWaterClass> latest() {
        return Map.copyOf(latest);
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    StationWaterClass c = StationWaterClassCodec.decode(r.value());
                    latest.put(c.station(), c);
                    out.println(line(c));
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("event=console-failed error=\"{}\"", e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    String line(StationWaterClass c) {
        String name = stationNames.getOrDefault(c.station(), "");
        return TIME.format(c.ts().atZone(zone)) + "  " + c.station() + " " + padToWidth(name, 9)
                + "class " + padToWidth(c.waterClass(), 4) + " limiting " + String.join(",", c.limiting());
    }

    /** Pads by terminal columns: CJK characters take two. */
    static String padToWidth(String s, int columns) {
        int width = s.codePoints().map(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN ? 2 : 1).sum();
        return s + " ".repeat(Math.max(1, columns - width));
    }


    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(10_000);
    }
}
