package org.ecovalue.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.ecovalue.schemas.observation.Flag;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.observation.Reading;
import org.ecovalue.schemas.registry.Station;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;
import org.ecovalue.simulator.Scenarios;
import org.ecovalue.simulator.delivery.Delivery;
import org.ecovalue.simulator.delivery.RecordingPublisher;
import org.ecovalue.simulator.scenario.Scenario;
import org.ecovalue.simulator.signal.BasinSignal;
import org.ecovalue.simulator.signal.StationParameters;
import org.ecovalue.simulator.truth.FaultRecord;
import org.ecovalue.simulator.truth.GroundTruth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default scenario's month, with one fault of each type (deploy/config/default.yaml). Each test
 * finds its fault on the wire, decoded by the pipeline's decoders, where and when the scenario put it;
 * the counts are worked out from the stations' reporting intervals.
 */
class FaultScheduleTest {

    private static Scenario scenario;
    private static List<Delivery> wire;
    private static List<String> connection;
    private static RecordingOpcUaSink opcua;
    private static GroundTruth truth;
    private static BasinSignal signal;

    @BeforeAll
    static void runTheMonth() throws Exception {
        scenario = Scenarios.load("default");
        RecordingPublisher out = new RecordingPublisher();
        opcua = new RecordingOpcUaSink();
        truth = new SimulationRun(scenario, out, opcua, RunOptions.asFastAsPossible()).run();
        wire = out.deliveries();
        connection = out.connectionEvents();
        signal = new BasinSignal(scenario);
    }

    private static Instant at(String utc) {
        return Instant.parse(utc);
    }

    private static final Map<String, List<Observation>> DECODED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The station's messages as ingest would decode them, in the order sent (undecodable ones left out). */
    private static List<Observation> of(String station) {
        return DECODED.computeIfAbsent(station, s -> wire.stream().filter(d -> d.station().equals(s)).map(Wire::decodeOrNull)
                .filter(o -> o != null).toList());
    }

    private static Observation at(String station, Instant t) {
        return of(station).stream().filter(o -> o.ts().equals(t)).findFirst().orElseThrow(() ->
                new AssertionError("no message of " + station + " at " + t));
    }

    private static double value(Observation o, String param) {
        return o.readings().stream().filter(r -> r.param().equals(param)).findFirst().orElseThrow().value();
    }

    private static double clean(String station, Instant t, Parameter p) {
        Station s = scenario.registry().station(station).orElseThrow();
        return signal.values(s, t)[StationParameters.of(s.kind()).indexOf(p)];
    }

    private static FaultRecord fault(String type) {
        return truth.faults().stream().filter(f -> f.type().equals(type)).findFirst().orElseThrow();
    }

    @Test
    void driftMakesDissolvedOxygenReadTenPercentHighAfterOneDay() {
        Instant oneDayIn = at("2026-11-04T00:00:00Z");
        double expected = clean("SW390123000001", oneDayIn, Parameter.DO) * 1.10;

        assertThat(value(at("SW390123000001", oneDayIn), "do")).isCloseTo(expected, within(0.006));
        assertThat(fault("drift").messages()).isEqualTo(48); // 2 days of hourly readings
    }

    @Test
    void aFlatLineRepeatsTheFirstValueForSixHours() {
        double first = clean("SW390122000001", at("2026-11-04T00:00:00Z"), Parameter.NH3N);
        List<Double> sent = IntStream.range(0, 6)
                .mapToObj(h -> value(at("SW390122000001", at("2026-11-04T00:00:00Z").plusSeconds(h * 3600L)), "nh3n"))
                .toList();

        assertThat(sent).containsOnly(first);
        assertThat(value(at("SW390122000001", at("2026-11-04T06:00:00Z")), "nh3n"))
                .isEqualTo(clean("SW390122000001", at("2026-11-04T06:00:00Z"), Parameter.NH3N));
        assertThat(fault("flat-line").messages()).isEqualTo(6);
    }

    @Test
    void aSpikeIsTenTimesTheTrueValueForItsOneHour() {
        Instant t = at("2026-11-05T02:00:00Z");
        assertThat(value(at("SW390121000001", t), "tp")).isCloseTo(10 * clean("SW390121000001", t, Parameter.TP), within(0.0006));
        assertThat(fault("spike").messages()).isEqualTo(1);
    }

    @Test
    void aDropoutLeavesFiveHoursOfTheAirStationOut() {
        List<Instant> times = of("AQ390121000001").stream().map(Observation::ts)
                .filter(t -> !t.isBefore(at("2026-11-05T23:00:00Z")) && t.isBefore(at("2026-11-06T06:00:00Z"))).toList();

        assertThat(times).containsExactly(at("2026-11-05T23:00:00Z"), at("2026-11-06T05:00:00Z"));
        assertThat(truth.sent().get("AQ390121000001").messages()).isEqualTo(30 * 24 - 5);
        assertThat(fault("dropout").messages()).isEqualTo(5);
    }

    @Test
    void maintenanceAndCalibrationFlagEveryReadingOfTheirHours() {
        for (Instant t : List.of(at("2026-11-07T01:00:00Z"), at("2026-11-07T02:00:00Z"))) {
            assertThat(at("SW390122000001", t).readings()).extracting(Reading::flag).containsOnly(Flag.M);
        }
        assertThat(at("SW390122000001", at("2026-11-07T03:00:00Z")).readings()).extracting(Reading::flag).containsOnly(Flag.N);
        assertThat(at("SW390121000001", at("2026-11-07T03:00:00Z")).readings()).extracting(Reading::flag).containsOnly(Flag.C);
    }

    @Test
    void aSkewedClockStampsReadingsTenMinutesAhead() {
        List<Instant> stamps = of("AQ390122000001").stream().map(Observation::ts)
                .filter(t -> !t.isBefore(at("2026-11-08T00:00:00Z")) && t.isBefore(at("2026-11-08T04:00:00Z"))).toList();

        assertThat(stamps).containsExactly(at("2026-11-08T00:10:00Z"), at("2026-11-08T01:10:00Z"),
                at("2026-11-08T02:10:00Z"), at("2026-11-08T03:00:00Z"));
    }

    @Test
    void lateReadingsArriveAfterReadingsMeasuredLaterThanThem() {
        int lateOne = indexOf("TR390121000001", at("2026-11-09T00:00:00Z"));
        int flowAt0155 = indexOfAny("SL", at("2026-11-09T01:55:00Z"));
        int soilAt0200 = indexOf("TR390121000001", at("2026-11-09T02:00:00Z"));

        assertThat(flowAt0155).as("OPC UA updates are not on the wire").isEqualTo(-1);
        assertThat(lateOne).isGreaterThan(indexOf("SW390123000001", at("2026-11-09T01:00:00Z")));
        assertThat(lateOne).isLessThan(soilAt0200);
        assertThat(fault("late").messages()).isEqualTo(2);
    }

    @Test
    void outOfOrderSwapsNeighbouringReadings() {
        List<Instant> order = of("SW390123000001").stream().map(Observation::ts)
                .filter(t -> !t.isBefore(at("2026-11-11T00:00:00Z")) && t.isBefore(at("2026-11-11T04:00:00Z"))).toList();

        assertThat(order).containsExactly(at("2026-11-11T01:00:00Z"), at("2026-11-11T00:00:00Z"),
                at("2026-11-11T03:00:00Z"), at("2026-11-11T02:00:00Z"));
    }

    @Test
    void duplicatesAreTheSamePacketTwice() {
        List<Delivery> dup = wire.stream().filter(d -> d.station().equals("SW390121000001"))
                .filter(d -> !d.eventTime().isBefore(at("2026-11-12T00:00:00Z")) && d.eventTime().isBefore(at("2026-11-12T02:00:00Z")))
                .toList();

        assertThat(dup).hasSize(4);
        assertThat(dup.get(1).payload()).isEqualTo(dup.get(0).payload());
        assertThat(dup.get(3).payload()).isEqualTo(dup.get(2).payload());
        assertThat(truth.sent().get("SW390121000001").messages()).isEqualTo(30 * 24 + 2);
    }

    @Test
    void malformedPayloadsAreRefusedByTheJsonDecoder() {
        List<Delivery> bad = wire.stream().filter(d -> d.station().equals("TR390123000001"))
                .filter(d -> d.eventTime().equals(at("2026-11-13T00:00:00Z"))).toList();

        assertThat(bad).singleElement().satisfies(d -> assertThat(Wire.decodeOrNull(d)).isNull());
        assertThat(of("TR390123000001")).hasSize(30 * 24 - 1);
    }

    @Test
    void aBadCrcIsRefusedAsABadCrcAndNothingElse() {
        Delivery bad = wire.stream().filter(d -> d.station().equals("AQ390123000001"))
                .filter(d -> d.eventTime().equals(at("2026-11-14T00:00:00Z"))).findFirst().orElseThrow();

        InputRejectedException e = catchThrowableOfType(InputRejectedException.class, () -> Wire.decode(bad));
        assertThat(e.reason()).isEqualTo(RejectReason.BAD_CRC);
    }

    @Test
    void aStationClaimingAnothersIdSendsOnItsOwnTopic() {
        Delivery claimed = wire.stream().filter(d -> d.topic().equals("ecovalue/v1/AQ390121000001/obs"))
                .filter(d -> d.eventTime().equals(at("2026-11-15T00:00:00Z"))).findFirst().orElseThrow();

        assertThat(Wire.decodeOrNull(claimed).station()).isEqualTo("AQ390122000001");
    }

    @Test
    void aBrokerDisconnectHoldsTwoHoursOfMessagesAndSendsThemOnReconnect() {
        assertThat(connection).hasSize(2);
        int down = Integer.parseInt(connection.get(0).substring("disconnect@".length()));
        int up = Integer.parseInt(connection.get(1).substring("reconnect@".length()));
        // 8 MQTT stations (3 water, 3 air, 2 soil) report hourly: 2 h = 16 messages held
        assertThat(up).isEqualTo(down);
        assertThat(wire.subList(up, up + 16)).allSatisfy(d -> assertThat(d.eventTime())
                .isBetween(at("2026-11-16T00:00:00Z"), at("2026-11-16T01:00:00Z")));
        assertThat(fault("broker-disconnect").messages()).isEqualTo(16);
    }

    @Test
    void anOpcUaRestartLosesAnHourOfTheServedValues() {
        assertThat(opcua.events).hasSize(2);
        assertThat(opcua.updates).noneSatisfy(u -> assertThat(u.sourceTime())
                .isBetween(at("2026-11-17T00:00:00Z"), at("2026-11-17T00:59:59Z")));
        // 2 flow stations every 300 s (24 in an hour) + 2 weather stations every 600 s (12)
        assertThat(fault("opcua-restart").messages()).isEqualTo(36);
    }

    @Test
    void theGroundTruthCountsWhatWentOnTheWire() {
        Map<String, Long> onWire = wire.stream().collect(Collectors.groupingBy(Delivery::station, Collectors.counting()));
        Map<String, Long> served = opcua.updates.stream()
                .collect(Collectors.groupingBy(RecordingOpcUaSink.Update::station, Collectors.counting()));

        List<String> mismatches = new ArrayList<>();
        truth.sent().forEach((station, counts) -> {
            long actual = onWire.getOrDefault(station, 0L) + served.getOrDefault(station, 0L);
            if (actual != counts.messages()) {
                mismatches.add(station + " truth " + counts.messages() + " actual " + actual);
            }
        });
        assertThat(mismatches).isEmpty();
        // flow: 30 d x 288, minus the hour the server was down (12)
        assertThat(truth.sent().get("SL390121000001").messages()).isEqualTo(30 * 288 - 12);
    }

    private static int indexOf(String station, Instant t) {
        for (int i = 0; i < wire.size(); i++) {
            Delivery d = wire.get(i);
            if (d.station().equals(station) && d.eventTime().equals(t)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfAny(String prefix, Instant t) {
        for (int i = 0; i < wire.size(); i++) {
            if (wire.get(i).station().startsWith(prefix) && wire.get(i).eventTime().equals(t)) {
                return i;
            }
        }
        return -1;
    }
}
