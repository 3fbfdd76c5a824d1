package org.ecovalue.benchmarks;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.util.concurrent.TimeUnit;
import org.ecovalue.schemas.hj212.Hj212Decoder;
import org.ecovalue.schemas.hj212.Hj212Observation;
import org.ecovalue.schemas.hj212.Hj212ObservationMapper;
import org.ecovalue.schemas.hj212.Hj212Packet;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding an HJ 212 packet off the wire (frame, length, CRC, CP) and mapping it to an observation:
 * what ingest does per {@code /hj212} MQTT message.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Hj212DecoderBenchmark {

    /** REFERENCE.md §6.7 packet #7: surface-water hourly data, nine parameters (370-byte segment). */
    static final byte[] WATER_HOURLY = ("##0370QN=20250601090000000;ST=21;CN=2061;PW=123456;MN=SW320100000001;Flag=5;"
            + "CP=&&DataTime=20250601080000;w01010-Avg=24.6,w01010-Flag=N;w01001-Avg=7.62,w01001-Flag=N;"
            + "w01009-Avg=6.85,w01009-Flag=N;w01014-Avg=412,w01014-Flag=N;w01003-Avg=18.2,w01003-Flag=N;"
            + "w01019-Avg=3.8,w01019-Flag=N;w21003-Avg=0.412,w21003-Flag=N;w21011-Avg=0.118,w21011-Flag=N;"
            + "w21001-Avg=1.86,w21001-Flag=N&&D701\r\n").getBytes(US_ASCII);

    private final Hj212Decoder decoder = Hj212Decoder.strict();

    @Benchmark
    public Hj212Packet decodeFrame() throws InputRejectedException {
        return decoder.decode(WATER_HOURLY);
    }

    @Benchmark
    public Hj212Observation decodeAndMapToObservation() throws InputRejectedException {
        return Hj212ObservationMapper.map(decoder.decode(WATER_HOURLY));
    }
}
