package org.ecovalue.benchmarks;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.standards.water.SurfaceWaterStandard;
import org.ecovalue.schemas.standards.water.WaterAssessment;
import org.ecovalue.schemas.standards.water.WaterBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The GB 3838-2002 real-time class of one automatic-station sample (five factors). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WaterClassifierBenchmark {

    private final Map<Parameter, Double> sample = new EnumMap<>(Map.of(
            Parameter.PH, 7.62, Parameter.DO, 6.85, Parameter.CODMN, 3.8,
            Parameter.NH3N, 0.412, Parameter.TP, 0.118));

    @Benchmark
    public Optional<WaterAssessment> realtimeClassRiver() {
        return SurfaceWaterStandard.realtime(sample, WaterBody.RIVER);
    }
}
