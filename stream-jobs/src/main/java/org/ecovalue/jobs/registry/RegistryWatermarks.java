package org.ecovalue.jobs.registry;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Registry changes are not measurements and have no event time; the registry input must never hold
 * back the watermark of the observations it is connected to, so it always reports the end of time.
 */
public final class RegistryWatermarks {

    private RegistryWatermarks() {
    }

    public static WatermarkStrategy<RegistryUpdate> endOfTime() {
        return WatermarkStrategy.<RegistryUpdate>forGenerator(ctx -> new WatermarkGenerator<>() {
            @Override
            public void onEvent(RegistryUpdate event, long eventTimestamp, WatermarkOutput output) {
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
                output.emitWatermark(new Watermark(Long.MAX_VALUE));
            }
        }).withTimestampAssigner((u, recordTs) -> Long.MIN_VALUE);
    }
}
