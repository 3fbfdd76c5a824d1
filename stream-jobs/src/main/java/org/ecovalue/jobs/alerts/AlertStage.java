package org.ecovalue.jobs.alerts;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.ecovalue.jobs.PipelineOptions;
import org.ecovalue.jobs.inventory.QualitySample;
import org.ecovalue.schemas.alert.Alert;

/** Station heartbeats → data-gap episodes, quality samples → exceedance episodes, on {@code eco.alerts}. */
public final class AlertStage {

    private AlertStage() {
    }

    /** Readings worse than the target (then within it) in a row that open (then close) an exceedance. */
    public static final int EXCEEDANCE_READINGS = 3;

    public static DataStream<Alert> apply(DataStream<StationHeartbeat> heartbeats, DataStream<QualitySample> quality,
                                          PipelineOptions options) {
        DataStream<Alert> gaps = heartbeats
                .keyBy(StationHeartbeat::stationId, Types.STRING)
                .process(new DataGapDetector(options.gapAfterIntervals()))
                .name("data-gaps").uid("data-gaps");
        DataStream<Alert> exceedances = quality
                .keyBy(QualitySample::sectionId, Types.STRING)
                .process(new ExceedanceDetector(EXCEEDANCE_READINGS))
                .name("exceedances").uid("exceedances");
        return gaps.union(exceedances);
    }
}
