package org.ecovalue.jobs.qc;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.ecovalue.jobs.PipelineOptions;
import org.ecovalue.schemas.observation.Observation;

/** Observations with event time → observations with a QC verdict per reading; late ones on {@link ObservationQualityControl#LATE}. */
public final class QualityControlStage {

    public static final String UID = "quality-control";

    private QualityControlStage() {
    }

    public static SingleOutputStreamOperator<Observation> apply(DataStream<Observation> observations,
                                                                PipelineOptions options) {
        return observations
                .keyBy(Observation::station, Types.STRING)
                .process(new ObservationQualityControl(options.lateHorizon(), options.flatLineAfter()))
                .name("quality-control").uid(UID);
    }
}
