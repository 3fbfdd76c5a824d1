package org.ecovalue.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.concurrent.TimeUnit;
import org.ecovalue.schemas.json.ObservationCodec;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Decoding a station's JSON observation (what ingest does per MQTT message) and encoding it for Kafka. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ObservationCodecBenchmark {

    /** A nine-parameter automatic water station observation, the common case. */
    static final byte[] WATER_STATION_PAYLOAD = """
            {"station":"SW320100000001","ts":"2026-11-22T08:00:00+08:00","seq":1812,"readings":[
             {"param":"water_temp","value":18.6,"unit":"°C","flag":"N"},
             {"param":"ph","value":7.62,"unit":"","flag":"N"},
             {"param":"do","value":6.85,"unit":"mg/L","flag":"N"},
             {"param":"conductivity","value":412,"unit":"µS/cm","flag":"N"},
             {"param":"turbidity","value":18.2,"unit":"NTU","flag":"N"},
             {"param":"codmn","value":3.8,"unit":"mg/L","flag":"N"},
             {"param":"nh3n","value":0.412,"unit":"mg/L","flag":"N"},
             {"param":"tp","value":118,"unit":"ug/L","flag":"N"},
             {"param":"tn","value":1.86,"unit":"mg/L","flag":"N"}]}""".getBytes(UTF_8);

    private Observation decoded;

    @Setup
    public void setUp() throws InputRejectedException {
        decoded = ObservationCodec.decode(WATER_STATION_PAYLOAD);
    }

    @Benchmark
    public Observation decodeStationPayload() throws InputRejectedException {
        return ObservationCodec.decode(WATER_STATION_PAYLOAD);
    }

    @Benchmark
    public byte[] encodeForKafka() {
        return ObservationCodec.encode(decoded);
    }
}
