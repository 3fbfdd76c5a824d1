package org.ecovalue.dashboard;

import java.util.ArrayDeque;
import java.util.Deque;
import org.ecovalue.dashboard.config.DashboardConfig;
import org.ecovalue.dashboard.feed.TopicFeed;
import org.ecovalue.dashboard.history.History;
import org.ecovalue.dashboard.live.LiveView;
import org.ecovalue.dashboard.web.DashboardServer;
import org.ecovalue.dashboard.web.SseHub;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.RegistryLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard for basin authorities: the result topics → {@link LiveView} → HTTP API and one
 * Server-Sent Events stream per browser. {@link #close} stops in reverse order of start.
 */
public final class Dashboard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);

    private final DashboardConfig config;
    private final History history;
    private final DashboardMetrics metrics = new DashboardMetrics();
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private DashboardServer server;
    private TopicFeed feed;
    private LiveView view;

    public Dashboard(DashboardConfig config, History history) {
        this.config = config;
        this.history = history;
    }

    public Dashboard start() throws Exception {
        Registry registry = RegistryLoader.load(config.registryFiles());
        try {
            if (history instanceof AutoCloseable closeable) {
                started(closeable);
            }
            SseHub hub = started(new SseHub(config.pushInterval(), metrics));
            view = new LiveView(registry, config.alertsKept(), config.trendPoints(), hub);
            feed = started(new TopicFeed(config.kafkaBootstrap(), view, metrics).start());
            server = started(new DashboardServer(config.httpHost(), config.httpPort(), view, hub, history, metrics,
                    () -> feed.caughtUp() && feed.failure() == null).start());
        } catch (Exception | Error e) {
            close();
            throw e;
        }
        LOG.info("event=dashboard-started url={} kafka={} sections={} agreements={} history=\"{}\"", url(),
                config.kafkaBootstrap(), registry.sections().size(), registry.agreements().size(), history.describe());
        return this;
    }

    /** The address browsers open, e.g. {@code http://127.0.0.1:8080/}. */
    public String url() {
        return server.url();
    }

    public LiveView view() {
        return view;
    }

    public DashboardMetrics metrics() {
        return metrics;
    }

    /** Whether the view holds everything the topics held when it started (then it is live). */
    public boolean caughtUp() {
        return feed != null && feed.caughtUp();
    }

    private <T extends AutoCloseable> T started(T part) {
        started.push(part);
        return part;
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("event=stop-failed part={} error=\"{}\"", part.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
