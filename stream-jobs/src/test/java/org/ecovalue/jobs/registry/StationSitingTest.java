package org.ecovalue.jobs.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecovalue.jobs.Observations.water;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.ecovalue.jobs.TestRegistry;
import org.ecovalue.jobs.inventory.FlowSample;
import org.ecovalue.jobs.qc.QcVerdict;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Reading;
import org.ecovalue.schemas.registry.Station;
import org.ecovalue.schemas.registry.StationKind;
import org.ecovalue.schemas.registry.StationProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StationSitingTest {

    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
    private static final Duration WAIT = Duration.ofHours(1);

    private KeyedBroadcastOperatorTestHarness<String, Observation, RegistryUpdate, FlowSample> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(new StationSiting(WAIT, 10), List.of(RegistryState.DESCRIPTOR)),
                Observation::station, Types.STRING, 1, 1, 0);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** What the station-keyed state holds (the broadcast registry is not keyed state). */
    private int keyedStateEntries() {
        return ((HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend()).numKeyValueStateEntries();
    }

    private void registry(List<RegistryUpdate> updates) throws Exception {
        for (RegistryUpdate u : updates) {
            harness.processBroadcastElement(u, 0);
        }
        // the registry input never holds the watermark back (RegistryWatermarks)
        harness.processBroadcastWatermark(Long.MAX_VALUE);
    }

    private static Observation checkedFlow(String station, Instant ts, double m3s) {
        return new Observation(station, ts, null, List.of(new Reading("flow", m3s, "m3/s").withQc(QcVerdict.OK)));
    }

    @Test
    void aFlowReadingAtASectionsFlowStationBelongsToTheSectionsUpstreamUnit() throws Exception {
        registry(TestRegistry.updates());
        harness.processElement(checkedFlow("F1", T0, 35.2), T0.toEpochMilli());
        harness.processElement(checkedFlow("W1", T0, 1.0), T0.toEpochMilli()); // quality station: no flow sample

        assertThat(harness.extractOutputValues()).singleElement().satisfies(s -> {
            assertThat(s.unitId()).isEqualTo(TestRegistry.UPSTREAM);
            assertThat(s.sectionId()).isEqualTo(TestRegistry.SECTION);
            assertThat(s.flowM3s()).isEqualTo(35.2);
            assertThat(s.counts()).isTrue();
            // one flow station reporting every 300 s: 86 400 / 300 = 288 a day
            assertThat(s.expectedPerDay()).isEqualTo(288.0);
        });
    }

    @Test
    void anObservationOfAStationNotYetInTheRegistryWaitsAndIsPlacedWhenItArrives() throws Exception {
        harness.processElement(checkedFlow("F1", T0, 35.2), T0.toEpochMilli());
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(keyedStateEntries()).isEqualTo(1);

        registry(TestRegistry.updates());

        assertThat(harness.extractOutputValues()).extracting(FlowSample::flowM3s).containsExactly(35.2);
        harness.watermark(T0.plus(WAIT).toEpochMilli());
        assertThat(harness.getSideOutput(StationSiting.UNKNOWN_STATION)).isNull();
        assertThat(keyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aStationStillUnknownAfterTheWaitGoesToTheUnknownStationOutput() throws Exception {
        registry(TestRegistry.updates());
        Observation stranger = checkedFlow("X9", T0, 1.0);
        harness.processElement(stranger, T0.toEpochMilli());
        harness.watermark(T0.plus(WAIT).minusMillis(1).toEpochMilli());
        assertThat(harness.getSideOutput(StationSiting.UNKNOWN_STATION)).isNull();

        harness.watermark(T0.plus(WAIT).toEpochMilli());

        assertThat(harness.getSideOutput(StationSiting.UNKNOWN_STATION)).extracting(StreamRecord::getValue)
                .containsExactly(stranger);
        assertThat(keyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void withNoRegistryReadYetNothingIsGivenUpAndAllIsPlacedWhenItArrives() throws Exception {
        // the registry source is late to start: event time runs two waits past the first observation
        harness.processBroadcastWatermark(Long.MAX_VALUE);
        harness.processElement(checkedFlow("F1", T0, 35.2), T0.toEpochMilli());
        harness.processElement(checkedFlow("F1", T0.plusSeconds(300), 36.0), T0.toEpochMilli());
        harness.watermark(T0.plus(WAIT.multipliedBy(2)).toEpochMilli());
        assertThat(harness.getSideOutput(StationSiting.UNKNOWN_STATION)).isNull();
        assertThat(harness.extractOutputValues()).isEmpty();

        for (RegistryUpdate u : TestRegistry.updates()) {
            harness.processBroadcastElement(u, 0);
        }

        assertThat(harness.extractOutputValues()).extracting(FlowSample::flowM3s).containsExactly(35.2, 36.0);
        harness.watermark(T0.plus(WAIT.multipliedBy(4)).toEpochMilli());
        assertThat(harness.getSideOutput(StationSiting.UNKNOWN_STATION)).isNull();
        assertThat(keyedStateEntries()).isZero();
    }

    @Test
    void aChangedReportingIntervalAppliesToTheNextReadingWithoutARestart() throws Exception {
        registry(TestRegistry.updates());
        harness.processElement(checkedFlow("F1", T0, 35.2), T0.toEpochMilli());
        Station every10min = new Station("F1", StationKind.FLOW, 29.74, 118.22, null, TestRegistry.SECTION, "水文站",
                StationProtocol.OPCUA, 600);
        registry(List.of(TestRegistry.update(every10min)));
        harness.processElement(checkedFlow("F1", T0.plusSeconds(600), 35.2), T0.toEpochMilli());

        // 86 400 / 600 = 144
        assertThat(harness.extractOutputValues()).extracting(FlowSample::intervalSeconds, FlowSample::expectedPerDay)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(300L, 288.0),
                        org.assertj.core.groups.Tuple.tuple(600L, 144.0));
    }

    @Test
    void anUnreadableRegistryItemIsIgnoredAndTheRegistryKeepsWorking() throws Exception {
        registry(List.of(new RegistryUpdate("station/F1", "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        registry(TestRegistry.updates());
        harness.processElement(checkedFlow("F1", T0, 35.2), T0.toEpochMilli());

        assertThat(harness.extractOutputValues()).hasSize(1);
    }
}
