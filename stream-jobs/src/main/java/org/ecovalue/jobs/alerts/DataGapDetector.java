package org.ecovalue.jobs.alerts;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.ecovalue.schemas.alert.Alert;
import org.ecovalue.schemas.alert.AlertType;
import org.ecovalue.schemas.alert.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data-gap episodes per station (keyed by station): when event time passes the last observation by
 * {@code missedIntervals} reporting intervals, an open DATA_GAP alert starts at the first reading that
 * did not come (last + one interval); the next observation closes it (same start, end = its time).
 * The tolerance of several intervals is the hysteresis: one late or lost reading does not flap.
 *
 * <p>Event time only moves with other stations' data: a total outage shows as gaps when data resumes.
 * A station heard from again leaves one value (its last time) and one timer; nothing else is kept.
 */
public class DataGapDetector extends KeyedProcessFunction<String, StationHeartbeat, Alert> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DataGapDetector.class);

    private final int missedIntervals;

    private transient ValueState<StationHeartbeat> last;
    private transient ValueState<Alert> open;
    private transient Counter gaps;

    public DataGapDetector(int missedIntervals) {
        if (missedIntervals < 1) {
            throw new IllegalArgumentException("missedIntervals must be at least 1, got " + missedIntervals);
        }
        this.missedIntervals = missedIntervals;
    }

    @Override
    public void open(OpenContext openContext) {
        last = getRuntimeContext().getState(new ValueStateDescriptor<>("last-heard", TypeInformation.of(StationHeartbeat.class)));
        open = getRuntimeContext().getState(new ValueStateDescriptor<>("open-gap", TypeInformation.of(Alert.class)));
        gaps = getRuntimeContext().getMetricGroup().counter("dataGaps");
    }

    @Override
    public void processElement(StationHeartbeat beat, Context ctx, Collector<Alert> out) throws Exception {
        StationHeartbeat held = last.value();
        if (held != null && beat.tsMillis() <= held.tsMillis()) {
            return; // an older or repeated observation says nothing about the present
        }
        Alert gap = open.value();
        if (gap != null) {
            out.collect(gap.endedAt(beat.tsMillis()));
            LOG.info("event=data-gap-closed station={} startedAt={} endedAt={}", beat.stationId(), gap.startedAt(), beat.tsMillis());
            open.clear();
        }
        if (held != null) {
            ctx.timerService().deleteEventTimeTimer(deadline(held));
        }
        ctx.timerService().registerEventTimeTimer(deadline(beat));
        last.update(beat);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        StationHeartbeat held = last.value();
        if (held == null || open.value() != null) {
            return;
        }
        Alert gap = new Alert(AlertType.DATA_GAP, held.stationId(), held.sectionId(), null, null, null,
                held.tsMillis() + held.intervalSeconds() * 1000, null, Severity.WARNING);
        gaps.inc();
        LOG.warn("event=data-gap-opened station={} section={} lastHeard={} intervalSeconds={}",
                held.stationId(), held.sectionId(), held.tsMillis(), held.intervalSeconds());
        open.update(gap);
        out.collect(gap);
    }

    private long deadline(StationHeartbeat beat) {
        return beat.tsMillis() + missedIntervals * beat.intervalSeconds() * 1000;
    }
}
