package org.ecovalue.dashboard.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BoundParameterQuery;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * History from the InfluxDB measurements the pipeline writes (DESIGN.md "InfluxDB"), over the v1
 * API. Values from the browser are bound parameters, never spliced into InfluxQL. An unreachable
 * InfluxDB gives empty charts and a log line, not a failed page.
 */
public final class InfluxHistory implements History, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InfluxHistory.class);
    /** Points per series at most: a day of 10-second points is 8,640. */
    private static final int MAX_POINTS = 10_000;

    private final InfluxDB influx;
    private final String url;
    private final String database;

    public InfluxHistory(String url, String database) {
        this.url = url;
        this.database = database;
        this.influx = InfluxDBFactory.connect(url);
    }

    @Override
    public Map<String, List<HistoryPoint>> compensation(String agreementId, int hours) {
        require(agreementId, "agreement");
        return series("SELECT \"amount_cny\" FROM \"compensation\" WHERE \"agreement\" = $id AND time > now() - "
                + hours + "h GROUP BY \"status\" LIMIT " + MAX_POINTS, "status", Map.of("id", agreementId));
    }

    @Override
    public Map<String, List<HistoryPoint>> inventory(String unitId, String product, int hours) {
        require(unitId, "unit");
        require(product, "product");
        return series("SELECT \"quantity\" FROM \"inventory\" WHERE \"unit\" = $unit AND \"product\" = $product AND time > now() - "
                + hours + "h GROUP BY \"status\" LIMIT " + MAX_POINTS, "status", Map.of("unit", unitId, "product", product));
    }

    @Override
    public Map<String, List<HistoryPoint>> reading(String sectionId, String param, int hours) {
        require(sectionId, "section");
        require(param, "param");
        return series("SELECT \"value\" FROM \"reading\" WHERE \"section\" = $section AND \"param\" = $param AND time > now() - "
                + hours + "h GROUP BY \"station\" LIMIT " + MAX_POINTS, "station", Map.of("section", sectionId, "param", param));
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private Map<String, List<HistoryPoint>> series(String influxQl, String seriesTag, Map<String, String> params) {
        BoundParameterQuery.QueryBuilder builder = BoundParameterQuery.QueryBuilder.newQuery(influxQl).forDatabase(database);
        params.forEach(builder::bind);
        Query query = builder.create();
        Map<String, List<HistoryPoint>> out = new TreeMap<>();
        QueryResult result;
        try {
            result = influx.query(query, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            LOG.warn("event=history-unavailable influx={} error=\"{}\"", url, e.getMessage());
            return out;
        }
        if (result.hasError()) {
            LOG.warn("event=history-query-failed influx={} error=\"{}\"", url, result.getError());
            return out;
        }
        for (QueryResult.Result r : result.getResults()) {
            if (r.hasError() || r.getSeries() == null) {
                continue;
            }
            for (QueryResult.Series s : r.getSeries()) {
                String key = s.getTags() == null ? "" : s.getTags().getOrDefault(seriesTag, "");
                List<HistoryPoint> points = out.computeIfAbsent(key, k -> new ArrayList<>());
                for (List<Object> row : s.getValues()) {
                    if (row.get(1) instanceof Number v) {
                        points.add(new HistoryPoint(((Number) row.get(0)).longValue(), v.doubleValue()));
                    }
                }
            }
        }
        return out;
    }

    @Override
    public String describe() {
        return "influxdb " + url + " database " + database;
    }

    @Override
    public void close() {
        influx.close();
    }
}
