package org.ecovalue.jobs.alerts;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.ecovalue.jobs.PipelineOptions;
import org.ecovalue.schemas.alert.Alert;

/** Station heartbeats → data-gap episodes on {@code eco.alerts}. */
public final class AlertStage {

    private AlertStage() {
    }

    public static DataStream<Alert> apply(DataStream<StationHeartbeat> heartbeats, PipelineOptions options) {
        return heartbeats
                .keyBy(StationHeartbeat::stationId, Types.STRING)
                .process(new DataGapDetector(options.gapAfterIntervals()))
                .name("data-gaps").uid("data-gaps");
    }
}
