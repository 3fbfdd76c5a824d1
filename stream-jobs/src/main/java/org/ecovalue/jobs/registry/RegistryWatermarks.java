package org.ecovalue.jobs.registry;

import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Registry changes are not measurements and have no event time. Their input must neither hold back
 * the watermark of the observations it is connected to nor push it: it declares itself idle, so a
 * two-input operator follows the observations alone.
 *
 * <p>Not the end-of-time watermark: when every observation split goes idle (stations asleep at
 * night), an idle input is left out of the minimum and the registry's end of time would flow
 * downstream and turn every open period FINAL at once (found by {@code PipelineExactlyOnceTest}).
 */
public final class RegistryWatermarks {

    private RegistryWatermarks() {
    }

    public static WatermarkStrategy<RegistryUpdate> alwaysIdle() {
        return WatermarkStrategy.<RegistryUpdate>forGenerator(ctx -> new WatermarkGenerator<>() {
            @Override
            public void onEvent(RegistryUpdate event, long eventTimestamp, WatermarkOutput output) {
                output.markIdle();
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
                output.markIdle();
            }
        });
    }
}
