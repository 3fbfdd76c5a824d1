package org.ecovalue.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ecovalue.jobs.Observations.water;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.ecovalue.jobs.inventory.PeriodQuality;
import org.ecovalue.jobs.inventory.PeriodVolume;
import org.ecovalue.jobs.inventory.QualitySample;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.jobs.inventory.FlowSample;
import org.ecovalue.jobs.qc.SensorRun;
import org.ecovalue.jobs.registry.RegistryUpdate;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.InventoryStatus;
import org.ecovalue.schemas.json.ObservationCodec;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Reading;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The production graph of {@link PipelineJob} on a MiniCluster, with bounded sources and collecting sinks. */
class PipelineJobTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    /** 2026-11-22 00:00 in Shanghai. */
    private static final Instant DAY_START = Instant.parse("2026-11-21T16:00:00Z");
    private static final ConcurrentLinkedQueue<Observation> CLEAN = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<InventoryRecord> INVENTORY = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<org.ecovalue.schemas.alert.Alert> ALERTS = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void clear() {
        CLEAN.clear();
        INVENTORY.clear();
        ALERTS.clear();
    }

    @Test
    void twoHoursOfFlowWithADuplicateAndAFaultBecomeOneFinalDailyVolumeOfTheUpstreamCounty() throws Exception {
        List<Observation> input = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            // the first hour at 35.2 m³/s, the second at 20.0 m³/s, one reading every 5 minutes
            input.add(water(TestRegistry.FLOW_STATION, DAY_START.plusSeconds(300L * i), "flow", i < 12 ? 35.2 : 20.0));
        }
        input.add(input.get(3));                                                         // redelivered by ingest
        input.add(water(TestRegistry.FLOW_STATION, DAY_START.plusSeconds(7200), "flow", -1.0)); // impossible
        input.add(water(TestRegistry.QUALITY_STATION, DAY_START, "nh3n", 0.4));

        run(input);

        // 35.2 × 3600 + 20.0 × 3600 = 126 720 + 72 000 = 198 720 m³; 24 valid of 288 expected. S01 runs
        // between two counties of city 390100: no city or province volume (the water stays inside them)
        assertThat(INVENTORY).filteredOn(r -> r.status() == InventoryStatus.FINAL)
                .filteredOn(r -> r.product() == EcoProduct.WATER_RESOURCE)
                .filteredOn(r -> r.period().equals("2026-11-22")).singleElement().satisfies(r -> {
            assertThat(r.unitId()).isEqualTo(TestRegistry.UPSTREAM);
            assertThat(r.revision()).isEqualTo(1);
            assertThat(r.quantity().value()).isCloseTo(198_720, within(1e-6));
            assertThat(r.completeness()).isCloseTo(24.0 / 288, within(1e-12));
            assertThat(r.stations()).containsExactly(TestRegistry.FLOW_STATION);
        });
        // the same readings per clock hour (00: 126 720 m³, 12 of 12; 01: 72 000 m³, 12 of 12; 02: only the
        // impossible reading, 0 m³ and completeness 0) and for November (198 720 m³, 24 of 288 × 30 = 8 640)
        assertThat(INVENTORY).filteredOn(r -> r.status() == InventoryStatus.FINAL)
                .filteredOn(r -> r.product() == EcoProduct.WATER_RESOURCE)
                .filteredOn(r -> !r.period().equals("2026-11-22"))
                .extracting(r -> r.period() + " " + Math.round(r.quantity().value()) + " "
                        + Math.round(r.completeness() * 1e6))
                .containsExactly("2026-11-22T00 126720 1000000", "2026-11-22T01 72000 1000000", "2026-11-22T02 0 0",
                        "2026-11 198720 " + Math.round(24.0 / 8_640 * 1e6));
        // the quality station's one hour: NH3-N 0.4 mg/L is class II (0.15 < x ≤ 0.5), 1 of 24 hourly observations;
        // rolled up to the county's city and province (S01 is their only section: same figures)
        assertThat(INVENTORY).filteredOn(r -> r.status() == InventoryStatus.FINAL)
                .filteredOn(r -> r.product() == EcoProduct.WATER_QUALITY)
                .filteredOn(r -> r.period().equals("2026-11-22")).extracting(r -> r.unitId())
                .containsExactlyInAnyOrder(TestRegistry.UPSTREAM, "390100", "390000");
        assertThat(INVENTORY).filteredOn(r -> r.status() == InventoryStatus.FINAL)
                .filteredOn(r -> r.product() == EcoProduct.WATER_QUALITY)
                .filteredOn(r -> r.period().equals("2026-11-22"))
                .filteredOn(r -> r.unitId().equals(TestRegistry.UPSTREAM)).singleElement().satisfies(r -> {
                    assertThat(r.unitId()).isEqualTo(TestRegistry.UPSTREAM);
                    assertThat(r.grade()).isEqualTo("II");
                    assertThat(r.quantity().value()).isEqualTo(100.0);
                    assertThat(r.completeness()).isCloseTo(1.0 / 24, within(1e-12));
                    assertThat(r.stations()).containsExactly(TestRegistry.QUALITY_STATION);
                });
        // at the end of the bounded input event time jumps to the end of time: both stations fall silent,
        // each from its first missing reading (F1 last heard at 02:00, every 5 min; W1 at 00:00, hourly)
        assertThat(ALERTS).extracting(al -> al.stationId() + " " + Instant.ofEpochMilli(al.startedAt()) + " " + al.isOpen())
                .containsExactlyInAnyOrder(
                        "F1 " + DAY_START.plusSeconds(7200 + 300) + " true",
                        "W1 " + DAY_START.plusSeconds(3600) + " true");
        // every reading but the duplicate reaches eco.observations.clean, each with a verdict
        assertThat(CLEAN).flatExtracting(Observation::readings).extracting(Reading::qc)
                .hasSize(26)
                .containsOnly("ok", "out-of-range")
                .filteredOn("out-of-range"::equals).hasSize(1);
    }

    @Test
    void resultsAndStateTravelAsPojosNotThroughKryo() {
        for (Class<?> type : List.of(Observation.class, InventoryRecord.class, FlowSample.class, PeriodVolume.class, QualitySample.class, PeriodQuality.class,
                SensorRun.class, RegistryUpdate.class, org.ecovalue.jobs.qc.SpikeWatch.class,
                org.ecovalue.jobs.inventory.PeriodAir.class, org.ecovalue.jobs.inventory.PeriodSoil.class,
                org.ecovalue.jobs.inventory.UnitConservation.class)) {
            assertThat(TypeInformation.of(type)).as(type.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
        }
    }

    private static void run(List<Observation> input) throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        org.ecovalue.jobs.PipelineOptions options = org.ecovalue.jobs.PipelineOptions.defaults()
                .withLateness(Duration.ofMinutes(10), Duration.ofHours(6));
        new PipelineJob(observations(input), registry(TestRegistry.updates()),
                new PipelineSinks(new Collecting<>(CLEAN), new Collecting<>(INVENTORY), new Collecting<>(ALERTS)), options)
                .withRegistryReadBeforeEventTimeAdvances().build(env);
        env.execute("pipeline-test");
    }

    /** Observations travel as their JSON (records are not Serializable), decoded as the Kafka source would. */
    static DataGeneratorSource<Observation> observations(List<Observation> observations) {
        ArrayList<String> json = new ArrayList<>();
        observations.forEach(o -> json.add(new String(ObservationCodec.encode(o), StandardCharsets.UTF_8)));
        return new DataGeneratorSource<>(
                i -> ObservationCodec.decode(json.get((int) (long) i).getBytes(StandardCharsets.UTF_8)),
                json.size(), TypeInformation.of(Observation.class));
    }

    static DataGeneratorSource<RegistryUpdate> registry(List<RegistryUpdate> updates) {
        ArrayList<String> keys = new ArrayList<>();
        ArrayList<byte[]> values = new ArrayList<>();
        updates.forEach(u -> {
            keys.add(u.key());
            values.add(u.value());
        });
        return new DataGeneratorSource<>(i -> new RegistryUpdate(keys.get((int) (long) i), values.get((int) (long) i)),
                keys.size(), TypeInformation.of(RegistryUpdate.class));
    }

    /** Collects into a static queue (the sink is serialized into the job; the queue stays in this JVM). */
    static final class Collecting<T> implements Sink<T> {
        private static final long serialVersionUID = 1L;
        private static final List<ConcurrentLinkedQueue<?>> QUEUES = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final int queue;

        Collecting(ConcurrentLinkedQueue<T> target) {
            int idx = QUEUES.indexOf(target);
            if (idx < 0) {
                QUEUES.add(target);
                idx = QUEUES.size() - 1;
            }
            this.queue = idx;
        }

        @Override
        @SuppressWarnings("unchecked")
        public SinkWriter<T> createWriter(WriterInitContext context) {
            ConcurrentLinkedQueue<T> target = (ConcurrentLinkedQueue<T>) QUEUES.get(queue);
            return new SinkWriter<>() {
                @Override
                public void write(T element, Context ctx) {
                    target.add(element);
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
