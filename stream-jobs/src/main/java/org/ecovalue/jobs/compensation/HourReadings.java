package org.ecovalue.jobs.compensation;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ecovalue.schemas.compensation.FlowSample;
import org.ecovalue.schemas.compensation.SectionHour;

/**
 * The readings of one hour of a section, kept until the period's settlement horizon so that a late
 * reading can rebuild the hour exactly ({@link SectionHour}: the mean of each factor, the volume as a
 * step integral of the flow samples) and replace it in the period.
 *
 * @param sums     per factor, Σ of the hour's concentrations [mg/L]
 * @param counts   per factor, number of readings
 * @param flowAt   times of the hour's flow samples, epoch ms (plain values: the state is Java-serialized)
 * @param flowM3s  the flow samples [m³/s], in the order of {@code flowAt}
 * @param stations stations that contributed (for {@code ledger explain})
 */
record HourReadings(long hourStart, Map<String, Double> sums, Map<String, Integer> counts, List<Long> flowAt, List<Double> flowM3s,
                    List<String> stations) implements Serializable {

    static final long HOUR_MS = SectionHour.SECONDS_PER_HOUR * 1000L;

    HourReadings {
        sums = Collections.unmodifiableMap(new TreeMap<>(sums));
        counts = Collections.unmodifiableMap(new TreeMap<>(counts));
        flowAt = List.copyOf(flowAt);
        flowM3s = List.copyOf(flowM3s);
        stations = List.copyOf(stations);
    }

    static HourReadings empty(long hourStart) {
        return new HourReadings(hourStart, Map.of(), Map.of(), List.of(), List.of(), List.of());
    }

    static long hourOf(long at) {
        return at - Math.floorMod(at, HOUR_MS);
    }

    HourReadings plus(SectionReading r) {
        List<String> st = new ArrayList<>(stations);
        if (!st.contains(r.stationId())) {
            st.add(r.stationId());
        }
        if (r.isFlow()) {
            List<Long> at = new ArrayList<>(flowAt);
            List<Double> q = new ArrayList<>(flowM3s);
            at.add(r.at());
            q.add(r.value());
            return new HourReadings(hourStart, sums, counts, at, q, st);
        }
        Map<String, Double> s = new TreeMap<>(sums);
        Map<String, Integer> c = new TreeMap<>(counts);
        s.merge(r.param(), r.value(), Double::sum);
        c.merge(r.param(), 1, Integer::sum);
        return new HourReadings(hourStart, s, c, flowAt, flowM3s, st);
    }

    /**
     * The hour as the period takes it. A net backflow (negative volume) is not water passed on
     * downstream (SectionHour): such an hour has no volume, like an hour without flow data.
     */
    SectionHour toHour() {
        Map<String, Double> means = new TreeMap<>();
        sums.forEach((p, sum) -> means.put(p, sum / counts.get(p)));
        Instant start = Instant.ofEpochMilli(hourStart);
        List<FlowSample> flows = new ArrayList<>(flowAt.size());
        for (int i = 0; i < flowAt.size(); i++) {
            flows.add(new FlowSample(Instant.ofEpochMilli(flowAt.get(i)), flowM3s.get(i)));
        }
        Double volume = SectionHour.volumeM3FromFlowSamples(start, flows);
        return new SectionHour(start, means, volume == null || volume < 0 ? null : volume);
    }
}
