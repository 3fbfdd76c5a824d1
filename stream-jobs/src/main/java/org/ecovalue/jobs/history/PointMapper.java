package org.ecovalue.jobs.history;

import java.io.Serializable;
import java.util.List;
import org.influxdb.dto.Point;

/** Turns one pipeline result into the InfluxDB points that record it (DESIGN.md "InfluxDB"). */
@FunctionalInterface
public interface PointMapper<T> extends Serializable {

    List<Point> points(T element);
}
