package org.ecovalue.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecovalue.jobs.Observations.cleanRiverWater;
import static org.ecovalue.jobs.Observations.flagged;
import static org.ecovalue.jobs.Observations.water;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.ecovalue.jobs.water.StationWaterClass;
import org.ecovalue.schemas.json.ObservationCodec;
import org.ecovalue.schemas.observation.Flag;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.standards.water.WaterBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The production graph of {@link StationWaterClassJob} on a MiniCluster, with a bounded source and a collecting sink. */
class StationWaterClassJobTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
    private static final ConcurrentLinkedQueue<StationWaterClass> RESULTS = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void clear() {
        RESULTS.clear();
    }

    @Test
    void observationsTurnIntoTheLatestClassPerStation() throws Exception {
        List<Observation> input = List.of(
                // S1: NH3-N 1.2 → IV, an hour later 0.4 → II, then unchanged
                water("S1", T0, "ph", 7.5, "do", 8.0, "codmn", 1.5, "nh3n", 1.2, "tp", 0.01),
                // S2: DO 4.0 → IV
                water("S2", T0, "ph", 7.2, "do", 4.0, "codmn", 1.0, "nh3n", 0.1, "tp", 0.01),
                // S3 (river) and S4 (lake): TP 0.05 → II at a river, III at a lake
                water("S3", T0, "ph", 7.0, "do", 8.0, "codmn", 1.0, "nh3n", 0.1, "tp", 0.05),
                water("S4", T0, "ph", 7.0, "do", 8.0, "codmn", 1.0, "nh3n", 0.1, "tp", 0.05),
                water("S1", T0.plusSeconds(3600), "ph", 7.5, "do", 8.0, "codmn", 1.5, "nh3n", 0.4, "tp", 0.01),
                // S1, late and older than what is held: ignored
                water("S1", T0.plusSeconds(1800), "nh3n", 1.8),
                cleanRiverWater("S1", T0.plusSeconds(7200)).withReadings(List.of(
                        new org.ecovalue.schemas.observation.Reading("nh3n", 0.4, "mg/L"),
                        flagged("codmn", 12.0, Flag.D))),
                // a flow gauge: no real-time factor, no class
                water("F1", T0, "flow", 35.2));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(strictTypes());
        // one source reader keeps each station's order, as one Kafka partition per key does
        env.setParallelism(1);
        JobOptions options = JobOptions.defaults().withWaterBodies(Map.of("S4", WaterBody.LAKE));
        new StationWaterClassJob(boundedSource(input), new CollectingSink(), options).build(env);
        env.execute("station-class-test");

        assertThat(new ArrayList<>(RESULTS))
                .extracting(c -> c.station() + " " + c.waterClass() + " " + c.limiting())
                .containsExactlyInAnyOrder(
                        "S1 IV [nh3n]", "S1 II [nh3n]",
                        "S2 IV [do]",
                        "S3 II [tp]",
                        "S4 III [tp]");
        assertThat(RESULTS).filteredOn(c -> c.station().equals("S1")).extracting(StationWaterClass::ts)
                .containsExactly(T0, T0.plusSeconds(3600));
    }

    @Test
    void observationsAndClassesTravelAsPojosNotThroughKryo() {
        assertThat(TypeInformation.of(Observation.class)).isInstanceOf(PojoTypeInfo.class);
        assertThat(TypeInformation.of(StationWaterClass.class)).isInstanceOf(PojoTypeInfo.class);
    }

    /** Fails the job if any type would fall back to Kryo. */
    private static Configuration strictTypes() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return conf;
    }

    /** Observations travel as their JSON (records are not Serializable), decoded as the Kafka source would. */
    private static DataGeneratorSource<Observation> boundedSource(List<Observation> observations) {
        ArrayList<String> json = new ArrayList<>();
        observations.forEach(o -> json.add(new String(ObservationCodec.encode(o), StandardCharsets.UTF_8)));
        return new DataGeneratorSource<>(
                i -> ObservationCodec.decode(json.get((int) (long) i).getBytes(StandardCharsets.UTF_8)),
                json.size(), TypeInformation.of(Observation.class));
    }

    private static final class CollectingSink implements Sink<StationWaterClass> {
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<StationWaterClass> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(StationWaterClass element, Context ctx) {
                    RESULTS.add(element);
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
