package org.ecovalue.jobs.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ecovalue.jobs.Observations.water;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import com.fasterxml.jackson.databind.JsonNode;
import org.ecovalue.embedded.InfluxDbProcess;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.jobs.PipelineJob;
import org.ecovalue.jobs.PipelineOptions;
import org.ecovalue.jobs.PipelineSinks;
import org.ecovalue.jobs.TestRegistry;
import org.ecovalue.jobs.TestSources;
import org.ecovalue.jobs.compensation.AgreementLedgerTest;
import org.ecovalue.jobs.registry.RegistryUpdate;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.observation.Observation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's history in a real InfluxDB 1.6 (Debian's influxd), written by {@link InfluxDbSink}. */
class InfluxDbHistoryTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final Instant DAY_START = Instant.parse("2026-11-21T16:00:00Z");

    @TempDir
    static Path tmp;
    static InfluxDbProcess influx;

    @BeforeAll
    static void startInflux() {
        influx = new InfluxDbProcess(tmp.resolve("influx"));
        influx.start();
        influx.createDatabase("ecovalue");
    }

    @AfterAll
    static void stopInflux() {
        if (influx != null) {
            influx.close();
        }
    }

    @Test
    void readingsAndFinalFiguresLandInInfluxAndARerunOverwritesInsteadOfDoubling() throws Exception {
        List<Observation> input = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            input.add(water(TestRegistry.FLOW_STATION, DAY_START.plusSeconds(300L * i), "flow", 35.2 + i * 0.01));
        }
        run(input);
        run(input); // a replay, as after a restore from a checkpoint

        // 12 readings, each stored once despite the replay
        JsonNode count = values(influx.query("SELECT count(value) FROM ecovalue.autogen.reading WHERE station='F1'"));
        assertThat(count.get(0).get(1).asLong()).isEqualTo(12);
        // one FINAL water_resource point of the day at the day's start (00:00 Shanghai):
        // Σ (35.2 + 0.01 i) × 300 for i = 0..11 = 126 720 + 0.66 × 300 = 126 918 m³, revision 1
        JsonNode finals = values(influx.query("SELECT quantity, revision FROM ecovalue.autogen.inventory "
                + "WHERE product='water_resource' AND status='FINAL' AND period='day'"));
        assertThat(finals).hasSize(1);
        assertThat(finals.get(0).get(0).asText()).isEqualTo("2026-11-21T16:00:00Z");
        assertThat(finals.get(0).get(1).asDouble()).isCloseTo(126_918, within(1e-6));
        assertThat(finals.get(0).get(2).asLong()).isEqualTo(1);
        // the same 12 readings are the hour 00 and part of November: own series (tag period), same start
        // instant for the hour, 2026-11-01 00:00 Shanghai for the month — none overwrote another
        JsonNode hour = values(influx.query("SELECT quantity FROM ecovalue.autogen.inventory "
                + "WHERE product='water_resource' AND status='FINAL' AND period='hour'"));
        assertThat(hour).hasSize(1);
        assertThat(hour.get(0).get(0).asText()).isEqualTo("2026-11-21T16:00:00Z");
        assertThat(hour.get(0).get(1).asDouble()).isCloseTo(126_918, within(1e-6));
        JsonNode month = values(influx.query("SELECT quantity FROM ecovalue.autogen.inventory "
                + "WHERE product='water_resource' AND status='FINAL' AND period='month'"));
        assertThat(month).hasSize(1);
        assertThat(month.get(0).get(0).asText()).isEqualTo("2026-10-31T16:00:00Z");
    }

    /**
     * The flux agreement of AgreementLedgerTest (NH3-N target 1.0 mg/L, ¥10 000 per tonne) with five
     * February hours at 1.21 mg/L and 100 m³/s: per hour (1.21 − 1.0) g/m³ × 360 000 m³ = 0.0756 t
     * → ¥756.00; five hours ¥3 780.00, paid by the upstream county. February starts 2026-01-31T16:00Z
     * (Shanghai midnight): the point's time. Run twice (a replay): still one FINAL point and one
     * PROVISIONAL point (the latest running figure).
     */
    @Test
    void theLedgersFiguresLandInTheCompensationMeasurementOncePerStatus() throws Exception {
        Instant feb = Instant.parse("2026-01-31T16:00:00Z");
        List<Observation> input = new ArrayList<>();
        for (int h = 0; h < 5; h++) {
            input.add(water(TestRegistry.QUALITY_STATION, feb.plusSeconds(3600L * h), "nh3n", 1.21));
            input.add(water(TestRegistry.FLOW_STATION, feb.plusSeconds(3600L * h), "flow", 100.0));
        }
        List<RegistryUpdate> registry = new ArrayList<>(TestRegistry.updates());
        registry.add(TestRegistry.update(AgreementLedgerTest.fluxAgreement()));
        runLedger(input, registry);
        runLedger(input, registry);

        JsonNode finals = values(influx.query("SELECT amount_cny, revision, payer, payee, period FROM "
                + "ecovalue.autogen.compensation WHERE agreement='" + AgreementLedgerTest.AGREEMENT
                + "' AND section='" + TestRegistry.SECTION + "' AND status='FINAL'"));
        assertThat(finals).hasSize(1);
        assertThat(finals.get(0).get(0).asText()).isEqualTo("2026-01-31T16:00:00Z");
        assertThat(finals.get(0).get(1).asDouble()).isEqualTo(3780.00);
        assertThat(finals.get(0).get(2).asLong()).isZero();
        assertThat(finals.get(0).get(3).asText()).isEqualTo(TestRegistry.UPSTREAM);
        assertThat(finals.get(0).get(4).asText()).isEqualTo(TestRegistry.DOWNSTREAM);
        assertThat(finals.get(0).get(5).asText()).isEqualTo("2026-02");
        JsonNode provisional = values(influx.query("SELECT amount_cny FROM ecovalue.autogen.compensation "
                + "WHERE status='PROVISIONAL'"));
        assertThat(provisional).hasSize(1);
    }

    private static void runLedger(List<Observation> input, List<RegistryUpdate> registry) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        PipelineOptions options = PipelineOptions.defaults();
        PipelineSinks sinks = new PipelineSinks(new TestSources.Discarding<>(), new TestSources.Discarding<>(),
                new TestSources.Discarding<>())
                .withCompensation(new TestSources.Discarding<>())
                .withCompensationHistory(new InfluxDbSink<>(influx.url(), "ecovalue", 5,
                        HistoryPoints.compensation(options.zone())));
        new PipelineJob(TestSources.observations(input), TestSources.registry(registry), sinks, options)
                .withRegistryReadBeforeEventTimeAdvances().build(env);
        env.execute("influx-compensation-test");
    }

    private static JsonNode values(String answer) throws Exception {
        return Json.mapper().readTree(answer).at("/results/0/series/0/values");
    }

    private static void run(List<Observation> input) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        PipelineOptions options = PipelineOptions.defaults();
        PipelineSinks sinks = new PipelineSinks(new TestSources.Discarding<>(), new TestSources.Discarding<>(),
                new TestSources.Discarding<>())
                .withHistory(new InfluxDbSink<>(influx.url(), "ecovalue", 5, HistoryPoints.readings()),
                        new InfluxDbSink<>(influx.url(), "ecovalue", 5, HistoryPoints.inventory(options.zone())));
        new PipelineJob(TestSources.observations(input), TestSources.registry(TestRegistry.updates()), sinks, options)
                .withRegistryReadBeforeEventTimeAdvances().build(env);
        env.execute("influx-history-test");
    }
}
