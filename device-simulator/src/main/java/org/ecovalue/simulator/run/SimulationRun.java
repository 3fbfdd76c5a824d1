package org.ecovalue.simulator.run;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.ecovalue.schemas.observation.Flag;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.observation.Reading;
import org.ecovalue.schemas.registry.Station;
import org.ecovalue.schemas.registry.StationProtocol;
import org.ecovalue.simulator.delivery.Delivery;
import org.ecovalue.simulator.delivery.PayloadEncoder;
import org.ecovalue.simulator.delivery.Publisher;
import org.ecovalue.simulator.scenario.FaultSpec;
import org.ecovalue.simulator.scenario.FaultType;
import org.ecovalue.simulator.scenario.Scenario;
import org.ecovalue.simulator.scenario.Simulation;
import org.ecovalue.simulator.signal.BasinSignal;
import org.ecovalue.simulator.signal.StationParameters;
import org.ecovalue.simulator.truth.GroundTruth;
import org.ecovalue.simulator.truth.TruthRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a scenario: every station's observations in simulated-time order, faults applied as
 * scheduled, sent over MQTT (JSON or HJ 212) or served over OPC UA, and the ground truth recorded.
 * Single-threaded on purpose: the payload stream is a function of the scenario and the seed.
 */
public final class SimulationRun {

    private static final Logger LOG = LoggerFactory.getLogger(SimulationRun.class);

    private final Scenario scenario;
    private final Simulation sim;
    private final Publisher publisher;
    private final OpcUaSink opcua;
    private final RunOptions options;
    private final BasinSignal signal;
    private final PayloadEncoder encoder;
    private final TruthRecorder truth;
    private final List<Station> stations;
    private final long[] seq;
    private final Map<String, Integer> index = new HashMap<>();
    /** late messages, by release time then order of sending */
    private final PriorityQueue<Pending> delayed = new PriorityQueue<>();
    /** out-of-order: a station's message held until its next one is out */
    private final Map<String, Pending> heldBack = new HashMap<>();
    /** messages measured while the broker connection is down, sent on reconnect */
    private final Deque<Pending> backlog = new ArrayDeque<>();
    private final Map<String, Double> flatLined = new HashMap<>();
    private long pendingOrder;
    private boolean disconnected;
    private boolean opcuaDown;
    /** index of the broker-disconnect / opcua-restart fault under way, to count what it holds back or loses */
    private int brokerFault = -1;
    private int opcuaFault = -1;
    private volatile long errors;
    private volatile boolean stopped;
    private java.util.function.Consumer<String> progressSink;
    private volatile Instant simNow;

    private record Pending(Instant release, long order, Delivery delivery, List<String> params)
            implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            int c = release.compareTo(o.release);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    public SimulationRun(Scenario scenario, Publisher publisher, OpcUaSink opcua, RunOptions options) {
        this.scenario = scenario;
        this.sim = scenario.simulation();
        this.publisher = publisher;
        this.opcua = opcua;
        this.options = options;
        this.signal = new BasinSignal(scenario);
        this.encoder = new PayloadEncoder(sim.zone());
        this.truth = new TruthRecorder(scenario);
        this.stations = scenario.stations();
        this.seq = new long[stations.size()];
        for (int i = 0; i < stations.size(); i++) {
            index.put(stations.get(i).id(), i);
        }
        this.simNow = sim.start();
    }

    /** Runs until the scenario's end (or {@link #stop}); returns the ground truth of what was done. */
    public GroundTruth run() throws Exception {
        Pacer pacer = new Pacer(sim.start(), options.speed(), options.maxRate());
        PriorityQueue<long[]> due = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        for (int i = 0; i < stations.size(); i++) {
            due.add(new long[] {sim.start().getEpochSecond(), i});
        }
        Instant end = sim.end();
        Progress progress = new Progress(options.progressEvery(), progressSink);
        LOG.info("event=run-started scenario={} stations={} seed={} start={} end={} speed={} rate={}", scenario.name(),
                stations.size(), sim.seed(), sim.start(), end == null ? "open" : end, options.speed(), options.maxRate());
        while (!stopped && !due.isEmpty()) {
            long[] next = due.poll();
            Instant t = Instant.ofEpochSecond(next[0]);
            if (end != null && !t.isBefore(end)) {
                break;
            }
            simNow = t;
            Station station = stations.get((int) next[1]);
            pacer.awaitSimTime(t);
            connectionFaults(t);
            releaseDelayed(t, pacer);
            observe(station, t, pacer);
            due.add(new long[] {next[0] + station.reportingIntervalSeconds(), next[1]});
            progress.maybeLog(truth.messagesSent(), truth.readingsSent(), t, errors);
        }
        Instant finished = end != null && !stopped ? end : simNow;
        // what was still on its way goes out now, as a logger empties its buffer
        if (disconnected) {
            reconnect();
        }
        if (opcuaDown && opcua != null) {
            opcua.startServer();
            opcuaDown = false;
        }
        heldBack.values().stream().sorted().forEach(delayed::add);
        heldBack.clear();
        releaseDelayed(Instant.MAX, pacer);
        publisher.flush();
        progress.log(truth.messagesSent(), truth.readingsSent(), simNow, errors);
        LOG.info("event=run-finished scenario={} messages={} readings={} errors={}", scenario.name(),
                truth.messagesSent(), truth.readingsSent(), errors);
        return truth.build(finished);
    }

    /** Where the progress line goes (default: the log at INFO). */
    public SimulationRun onProgress(java.util.function.Consumer<String> sink) {
        this.progressSink = sink;
        return this;
    }

    public void stop() {
        stopped = true;
    }

    public boolean isStopped() {
        return stopped;
    }

    public long errors() {
        return errors;
    }

    public Instant simulatedTime() {
        return simNow;
    }

    public long messagesSent() {
        return truth.messagesSent();
    }

    public long readingsSent() {
        return truth.readingsSent();
    }

    private void observe(Station station, Instant t, Pacer pacer) throws Exception {
        List<Parameter> params = StationParameters.of(station.kind());
        double[] values = signal.values(station, t);
        truth.clean(station, t, params, values);
        int si = index.get(station.id());
        long n = seq[si]++;

        List<FaultSpec> faults = sim.faults();
        List<Integer> active = new ArrayList<>(0);
        for (int i = 0; i < faults.size(); i++) {
            if (!faults.get(i).type().global() && faults.get(i).covers(station.id(), t)) {
                active.add(i);
            }
        }
        List<Reading> readings = new ArrayList<>(params.size());
        for (int p = 0; p < params.size(); p++) {
            Parameter param = params.get(p);
            double v = values[p];
            Flag flag = Flag.N;
            for (int fi : active) {
                FaultSpec f = faults.get(fi);
                if (!f.type().changesValues() || (f.param() != null && !f.param().equals(param.code()))) {
                    continue;
                }
                switch (f.type()) {
                    case DRIFT -> v = v * (1 + f.magnitudeOr(0.05) * Duration.between(f.start(), t).toSeconds() / 86400.0);
                    case FLAT_LINE -> v = flatLined.computeIfAbsent(fi + "/" + station.id() + "/" + param.code(), k -> values[params.indexOf(param)]);
                    case SPIKE -> v = v * f.magnitudeOr(10);
                    case MAINTENANCE -> flag = Flag.M;
                    case CALIBRATION -> flag = Flag.C;
                    default -> {
                    }
                }
            }
            readings.add(new Reading(param.code(), StationParameters.reported(param, v), param.canonicalUnit(), flag));
        }
        for (int fi : active) {
            if (faults.get(fi).type().changesValues()) {
                truth.faulted(fi);
            }
        }

        String claimed = station.id();
        Instant ts = t;
        Duration delay = Duration.ZERO;
        boolean duplicate = false;
        boolean malformed = false;
        boolean badCrc = false;
        boolean holdBack = false;
        for (int fi : active) {
            FaultSpec f = faults.get(fi);
            switch (f.type()) {
                case DROPOUT -> {
                    truth.faulted(fi);
                    return;
                }
                case CLOCK_SKEW -> ts = ts.plusSeconds((long) f.magnitudeOr(600));
                case LATE -> delay = Duration.ofSeconds((long) f.magnitudeOr(3.0 * station.reportingIntervalSeconds()));
                case OUT_OF_ORDER -> holdBack = true;
                case DUPLICATE -> duplicate = true;
                case MALFORMED -> malformed = true;
                case BAD_CRC -> badCrc = true;
                case CLAIMS_ID -> claimed = f.claims();
                default -> {
                    continue;
                }
            }
            truth.faulted(fi);
        }
        Observation o = new Observation(claimed, ts, n, readings);
        List<String> codes = params.stream().map(Parameter::code).toList();

        if (station.protocol() == StationProtocol.OPCUA) {
            if (opcua == null) {
                return; // no server in this run (e.g. --dry-run without OPC UA)
            }
            if (opcuaDown) {
                truth.faulted(opcuaFault); // nobody serves it: the value is gone, as on a real server that is down
                return;
            }
            opcua.update(station.id(), ts, readings);
            truth.sent(station.id(), codes);
            return;
        }
        byte[] payload;
        String topic;
        if (station.protocol() == StationProtocol.MQTT_HJ212) {
            payload = encoder.hj212(station, o, t);
            topic = Delivery.hj212Topic(station.id());
            if (badCrc) {
                payload = corruptCrc(payload);
            }
        } else {
            payload = PayloadEncoder.json(o);
            topic = Delivery.jsonTopic(station.id());
        }
        if (malformed) {
            payload = Arrays.copyOf(payload, payload.length / 2);
        }
        Pending msg = new Pending(t.plus(delay), pendingOrder++, new Delivery(topic, payload, station.id(), ts, codes.size()),
                codes);
        if (!delay.isZero()) {
            delayed.add(msg);
            return;
        }
        Pending held = heldBack.remove(station.id());
        if (holdBack && held == null) {
            heldBack.put(station.id(), msg);
            return;
        }
        send(msg, pacer);
        if (duplicate) {
            send(msg, pacer);
        }
        if (held != null) {
            send(held, pacer);
        }
    }

    private void connectionFaults(Instant t) throws Exception {
        boolean brokerDown = false;
        boolean serverDown = false;
        List<FaultSpec> faults = sim.faults();
        for (int i = 0; i < faults.size(); i++) {
            FaultSpec f = faults.get(i);
            if (f.type() == FaultType.BROKER_DISCONNECT && f.covers(null, t)) {
                brokerDown = true;
                brokerFault = i;
            } else if (f.type() == FaultType.OPCUA_RESTART && f.covers(null, t)) {
                serverDown = true;
                opcuaFault = i;
            }
        }
        if (brokerDown && !disconnected) {
            publisher.flush();
            publisher.disconnect();
            disconnected = true;
            LOG.info("event=fault type=broker-disconnect simTime={}", t);
        } else if (!brokerDown && disconnected) {
            reconnect();
        }
        if (opcua != null && serverDown != opcuaDown) {
            if (serverDown) {
                opcua.stopServer();
            } else {
                opcua.startServer();
            }
            opcuaDown = serverDown;
            LOG.info("event=fault type=opcua-restart phase={} simTime={}", serverDown ? "stopped" : "started", t);
        }
    }

    private void reconnect() throws Exception {
        publisher.reconnect();
        disconnected = false;
        LOG.info("event=reconnected backlog={}", backlog.size());
        while (!backlog.isEmpty()) {
            Pending p = backlog.poll();
            publisher.publish(p.delivery());
            truth.sent(p.delivery().station(), p.params());
        }
    }

    private void releaseDelayed(Instant upTo, Pacer pacer) throws Exception {
        while (!delayed.isEmpty() && !delayed.peek().release().isAfter(upTo)) {
            send(delayed.poll(), pacer);
        }
    }

    private void send(Pending p, Pacer pacer) throws Exception {
        if (disconnected) {
            backlog.add(p);
            truth.faulted(brokerFault);
            return;
        }
        pacer.awaitSlot();
        try {
            publisher.publish(p.delivery());
            truth.sent(p.delivery().station(), p.params());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            errors++;
            LOG.warn("event=publish-failed station={} topic={} error=\"{}\"", p.delivery().station(), p.delivery().topic(), e.toString());
        }
    }

    /** The packet with the last CRC hex digit changed: the data segment is intact, its check is not (REFERENCE §6.6). */
    static byte[] corruptCrc(byte[] packet) {
        String s = new String(packet, StandardCharsets.US_ASCII);
        int crcEnd = s.endsWith("\r\n") ? s.length() - 2 : s.length();
        char last = s.charAt(crcEnd - 1);
        char changed = last == '0' ? '1' : '0';
        return (s.substring(0, crcEnd - 1) + changed + s.substring(crcEnd)).getBytes(StandardCharsets.US_ASCII);
    }
}
