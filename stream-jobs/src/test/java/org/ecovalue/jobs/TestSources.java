package org.ecovalue.jobs;

import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.ecovalue.jobs.registry.RegistryUpdate;
import org.ecovalue.schemas.observation.Observation;

/** Bounded test sources (as the Kafka sources would decode them) and a sink that drops everything. */
public final class TestSources {

    private TestSources() {
    }

    public static DataGeneratorSource<Observation> observations(List<Observation> observations) {
        return PipelineJobTest.observations(observations);
    }

    public static DataGeneratorSource<RegistryUpdate> registry(List<RegistryUpdate> updates) {
        return PipelineJobTest.registry(updates);
    }

    public static final class Discarding<T> implements Sink<T> {
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<T> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(T element, Context ctx) {
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
