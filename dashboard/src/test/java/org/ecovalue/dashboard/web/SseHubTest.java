package org.ecovalue.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.ecovalue.dashboard.DashboardMetrics;
import org.ecovalue.dashboard.live.Update;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fan-out to browsers, with a browser that stops reading. The stuck browser is an output stream whose
 * writes block (what a full TCP send buffer does to a blocking socket write) — the outside world,
 * stood in for like a clock; the hub itself is the real one.
 */
class SseHubTest {

    private final DashboardMetrics metrics = new DashboardMetrics();
    // a push interval longer than the test: pushes happen when the test calls push()
    private final SseHub hub = new SseHub(Duration.ofHours(1), metrics);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        hub.close();
    }

    @Test
    @Timeout(60) // a hub that writes to all browsers on one thread blocks in push() here for ever
    void aBrowserThatStopsReadingDelaysNobodyAndIsDroppedOnceTooFarBehind() throws Exception {
        ByteArrayOutputStream healthy = new SyncedBytes();
        hub.join(new SseHub.Client("healthy", healthy), Map.of("sections", 0));
        hub.join(new SseHub.Client("stuck", new BlockingAfterFirstWrite(release)), Map.of("sections", 0));
        assertThat(hub.clientCount()).isEqualTo(2);

        // the stuck browser's writer blocks on the first update; it queues the next MAX_BACKLOG,
        // and the one after those finds its queue full
        int updates = SseHub.MAX_BACKLOG + 2;
        for (int i = 1; i <= updates; i++) {
            hub.accept(new Update("section", "S01", Map.of("n", i)));
            hub.push();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(count(healthy.toString(StandardCharsets.UTF_8), "event: update")).isEqualTo(updates));
        assertThat(hub.clientCount()).isEqualTo(1);
        assertThat(metrics.count("ecovalue_dashboard_sse_slow_clients_dropped_total", "")).isEqualTo(1);
        assertThat(healthy.toString(StandardCharsets.UTF_8)).contains("data: [{\"kind\":\"section\",\"key\":\"S01\","
                + "\"data\":{\"n\":" + updates + "}}]");
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    /** Written by a writer thread, read by the test thread. */
    private static final class SyncedBytes extends ByteArrayOutputStream {
        @Override
        public synchronized String toString(java.nio.charset.Charset charset) {
            return super.toString(charset);
        }
    }

    /** Takes the snapshot, then blocks every write until released (or closed). */
    private static final class BlockingAfterFirstWrite extends OutputStream {
        private final CountDownLatch release;
        private boolean first = true;

        BlockingAfterFirstWrite(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (first) {
                first = false;
                return;
            }
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("connection reset");
        }
    }
}
