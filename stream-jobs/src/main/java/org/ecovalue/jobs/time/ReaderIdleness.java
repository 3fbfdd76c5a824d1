package org.ecovalue.jobs.time;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * Chained right behind a source: tells downstream that the source reader is idle only once it has been
 * idle, as a whole, for {@code readerIdleness}; a shorter lull is passed on as a watermark that merely
 * stops moving.
 *
 * <p>Why: a quiet partition is handled inside the reader ({@link ObservationWatermarks}: per-split
 * idleness, {@code source-idleness}), so one sleeping station does not hold the others back. An IDLE
 * status leaving the reader is another matter. Each downstream task then leaves the reader's channels out
 * of its watermark, and when the reader speaks again, its channels turn active one by one as their
 * ACTIVE status is read. A task fed over two channels from the same upstream task (siting's flow samples
 * and their roll-up copies, the five inventory streams into valuation) can read the new watermark on one
 * channel while the other, still counted idle, holds records older than it: a period turns FINAL before
 * its data and gets revisions. {@code PipelineExactlyOnceTest} saw exactly that in about 1 run of 3 (hour
 * 15 of its first day FINAL with 2 of 12 readings, watermark 08:14 while readings of 07:10–07:55 were in
 * flight). Not announcing a short lull at all keeps every channel active, so no watermark can overtake a
 * record; a reader that stays silent longer (a deployment with more readers than busy partitions) is
 * still announced idle, and only its first records after waking carry the race.
 */
public final class ReaderIdleness<T> extends AbstractStreamOperator<T> implements OneInputStreamOperator<T, T> {

    private static final long serialVersionUID = 1L;

    private final long readerIdlenessMs;

    /** The reader's status as it last reported it. */
    private transient boolean readerIdle;
    /** What downstream was last told. */
    private transient boolean announcedIdle;
    /** Bumped at each change of the reader's status, so a timer of an earlier lull does nothing. */
    private transient long lull;
    private transient boolean finished;

    public ReaderIdleness(Duration readerIdleness) {
        if (readerIdleness.isNegative() || readerIdleness.isZero()) {
            throw new IllegalArgumentException("reader idleness must be positive, got " + readerIdleness);
        }
        this.readerIdlenessMs = readerIdleness.toMillis();
    }

    /** {@code source} with its reader's idleness held back for {@code readerIdleness}. */
    public static <T> DataStream<T> of(DataStream<T> source, Duration readerIdleness, String uid) {
        TypeInformation<T> type = source.getType();
        return source.transform("reader-idleness", type, new ReaderIdleness<>(readerIdleness)).uid(uid);
    }

    @Override
    public void processElement(StreamRecord<T> element) {
        output.collect(element);
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) {
        if (status.isIdle() == readerIdle) {
            return;
        }
        readerIdle = status.isIdle();
        long thisLull = ++lull;
        if (readerIdle) {
            long at = getProcessingTimeService().getCurrentProcessingTime() + readerIdlenessMs;
            getProcessingTimeService().registerTimer(at, time -> announceIdle(thisLull));
        } else if (announcedIdle) {
            announcedIdle = false;
            output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
        }
    }

    private void announceIdle(long ofLull) {
        if (!finished && readerIdle && ofLull == lull && !announcedIdle) {
            announcedIdle = true;
            output.emitWatermarkStatus(WatermarkStatus.IDLE);
        }
    }

    @Override
    public void finish() throws Exception {
        finished = true;
        super.finish();
    }
}
