package org.ecovalue.dashboard.history;

import java.util.List;
import java.util.Map;

/**
 * Time series of the InfluxDB measurements of DESIGN.md ("InfluxDB"), for the history charts: what
 * the live view cannot know after a restart. Each series is keyed by what distinguishes it (a
 * status, a parameter) and holds points oldest first.
 */
public interface History {

    /** {@code compensation} amount_cny of an agreement over the last hours, per status. */
    Map<String, List<HistoryPoint>> compensation(String agreementId, int hours);

    /** {@code inventory} quantity of a unit's product over the last hours, per status. */
    Map<String, List<HistoryPoint>> inventory(String unitId, String product, int hours);

    /** {@code reading} value of a section's parameter over the last hours, per station. */
    Map<String, List<HistoryPoint>> reading(String sectionId, String param, int hours);

    /** For /health: where history comes from. */
    String describe();

    /** InfluxDB when the configuration names one, else {@link #none()}. */
    static History of(org.ecovalue.dashboard.config.DashboardConfig config) {
        return config.hasInflux() ? new InfluxHistory(config.influxUrl(), config.influxDatabase()) : none();
    }

    /** No InfluxDB configured: the charts show what arrived since the dashboard started. */
    static History none() {
        return new History() {
            @Override
            public Map<String, List<HistoryPoint>> compensation(String agreementId, int hours) {
                return Map.of();
            }

            @Override
            public Map<String, List<HistoryPoint>> inventory(String unitId, String product, int hours) {
                return Map.of();
            }

            @Override
            public Map<String, List<HistoryPoint>> reading(String sectionId, String param, int hours) {
                return Map.of();
            }

            @Override
            public String describe() {
                return "none (live only)";
            }
        };
    }
}
