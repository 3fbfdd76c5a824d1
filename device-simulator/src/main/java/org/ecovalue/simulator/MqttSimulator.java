package org.ecovalue.simulator;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated stations publishing JSON observations at QoS 1 to {@code ecovalue/v1/{station}/obs},
 * each every {@link SimulatorConfig#interval()}, staggered across the interval.
 */
public final class MqttSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSimulator.class);
    private static final int QOS = 1;

    private final SimulatorConfig config;
    private final Clock clock;
    private final List<StationModel> models;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private MqttAsyncClient client;
    private ScheduledExecutorService ticker;

    public MqttSimulator(SimulatorConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.models = config.stations().stream().map(s -> new StationModel(s, config.seed())).toList();
    }

    public void start() throws MqttException {
        client = new MqttAsyncClient(config.serverUri(), SimulatorConfig.CLIENT_ID, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 10);
        client.connect(options).waitForCompletion(30_000);

        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulator-ticker");
            t.setDaemon(true);
            return t;
        });
        long intervalMs = config.interval().toMillis();
        for (int i = 0; i < models.size(); i++) {
            StationModel model = models.get(i);
            long offset = intervalMs * i / models.size();
            ticker.scheduleAtFixedRate(() -> publish(model), offset, intervalMs, TimeUnit.MILLISECONDS);
        }
        LOG.info("event=simulating broker={} stations={} interval={} seed={}",
                config.serverUri(), models.size(), config.interval(), config.seed());
    }

    public long publishedCount() {
        return published.get();
    }

    private void publish(StationModel model) {
        StationProfile station = model.station();
        try {
            StationModel.Sample sample = model.next();
            if (!client.isConnected()) {
                skipped.incrementAndGet();
                LOG.debug("event=skipped station={} seq={} reason=disconnected", station.id(), sample.seq());
                return;
            }
            MqttMessage message = new MqttMessage(StationPayload.json(station, sample, clock.instant()));
            message.setQos(QOS);
            client.publish(station.observationTopic(), message);
            published.incrementAndGet();
        } catch (MqttException | RuntimeException e) {
            // a station that cannot send this time tries again next interval, like a real logger
            LOG.warn("event=publish-failed station={} error=\"{}\"", station.id(), e.toString());
        }
    }

    @Override
    public void close() throws MqttException {
        if (ticker != null) {
            ticker.shutdown();
            try {
                ticker.awaitTermination(5, TimeUnit.SECONDS); // let a publish under way finish
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (client != null) {
            try {
                if (client.isConnected()) {
                    client.disconnect().waitForCompletion(5_000);
                }
            } finally {
                client.close(true);
                client = null;
            }
        }
    }
}
