package org.ecovalue.benchmarks;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.standards.air.AirQualityIndex;
import org.ecovalue.schemas.standards.air.AirQualityReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The hourly AQI of one air station (six pollutants, HJ 633-2026 chosen by time). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AirQualityIndexBenchmark {

    private static final Instant HOUR = Instant.parse("2026-11-22T01:00:00Z");

    /** REFERENCE.md §6.7 packet #8's six pollutants. */
    private final Map<Parameter, Double> hour = new EnumMap<>(Map.of(
            Parameter.PM25, 38.0, Parameter.PM10, 66.0, Parameter.SO2, 7.0,
            Parameter.NO2, 28.0, Parameter.CO, 0.6, Parameter.O3, 142.0));

    @Benchmark
    public AirQualityReport hourlyAqi() throws InputRejectedException {
        return AirQualityIndex.hourly(HOUR, hour);
    }
}
