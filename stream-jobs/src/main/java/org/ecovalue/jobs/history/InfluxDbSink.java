package org.ecovalue.jobs.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes pipeline results to InfluxDB 1.x (v1 API, influxdb-java): points are buffered and written in
 * batches of {@code batchSize}, and whatever is buffered is written when Flink flushes the writer —
 * before every checkpoint and at the end of input. So a completed checkpoint means its points are in
 * InfluxDB; points written again after a restore overwrite themselves (same series and timestamp),
 * which makes the at-least-once write idempotent. A write that fails fails the task (and the job
 * restarts from the checkpoint): history is never silently incomplete.
 */
public final class InfluxDbSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    private final String url;
    private final String database;
    private final int batchSize;
    private final PointMapper<T> mapper;

    public InfluxDbSink(String url, String database, int batchSize, PointMapper<T> mapper) {
        this.url = Objects.requireNonNull(url, "url");
        this.database = Objects.requireNonNull(database, "database");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        InfluxDB influx = InfluxDBFactory.connect(url);
        // InfluxDB 1.x refuses writes to a database that does not exist; CREATE DATABASE is idempotent
        influx.query(new Query("CREATE DATABASE \"" + database.replace("\"", "\\\"") + "\""));
        return new Writer<>(influx, database, batchSize, mapper, context.metricGroup().counter("influxPointsWritten"));
    }

    private static final class Writer<T> implements SinkWriter<T> {

        private static final Logger LOG = LoggerFactory.getLogger(InfluxDbSink.class);

        private final InfluxDB influx;
        private final String database;
        private final int batchSize;
        private final PointMapper<T> mapper;
        private final Counter written;
        private final List<Point> buffer = new ArrayList<>();

        Writer(InfluxDB influx, String database, int batchSize, PointMapper<T> mapper, Counter written) {
            this.influx = influx;
            this.database = database;
            this.batchSize = batchSize;
            this.mapper = mapper;
            this.written = written;
        }

        @Override
        public void write(T element, Context context) {
            buffer.addAll(mapper.points(element));
            if (buffer.size() >= batchSize) {
                writeBuffer();
            }
        }

        @Override
        public void flush(boolean endOfInput) {
            writeBuffer();
        }

        private void writeBuffer() {
            if (buffer.isEmpty()) {
                return;
            }
            BatchPoints batch = BatchPoints.database(database).points(buffer).build();
            influx.write(batch);
            written.inc(buffer.size());
            LOG.debug("event=influx-batch-written database={} points={}", database, buffer.size());
            buffer.clear();
        }

        @Override
        public void close() {
            influx.close();
        }
    }
}
