package org.ecovalue.jobs.history;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.ledger.LedgerEntry;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Reading;
import org.ecovalue.schemas.registry.PeriodKind;
import org.influxdb.dto.Point;

/**
 * The measurements of DESIGN.md "InfluxDB" ({@code reading}, {@code inventory}, {@code compensation}). A point's identity is its series (measurement + tags) and
 * timestamp, so writing the same figure again overwrites it: a reading replayed after a restore, or a
 * FINAL figure's next revision (same unit, product, status and period start), leaves one point.
 */
public final class HistoryPoints {

    private HistoryPoints() {
    }

    /** {@code reading}: tags station, param; fields value, flag, qc; time = event time. */
    public static PointMapper<Observation> readings() {
        return obs -> {
            List<Point> points = new ArrayList<>(obs.readings().size());
            for (Reading r : obs.readings()) {
                if (!Double.isFinite(r.value())) {
                    continue; // InfluxDB 1.x refuses NaN and infinity; the reading is on eco.observations.clean
                }
                points.add(Point.measurement("reading")
                        .time(obs.ts().toEpochMilli(), TimeUnit.MILLISECONDS)
                        .tag("station", obs.station())
                        .tag("param", r.param())
                        .addField("value", r.value())
                        .addField("flag", r.flag().name())
                        .addField("qc", r.qc() == null ? "" : r.qc())
                        .build());
            }
            return points;
        };
    }

    /**
     * {@code inventory}: tags unit, product, status, period (hour|day|month: an hour, its day and its month
     * start at the same instant and would otherwise overwrite each other); fields quantity, grade, value_cny, revision, completeness; time = period start in {@code zone}.
     */
    public static PointMapper<InventoryRecord> inventory(ZoneId zone) {
        return r -> {
            PeriodKind kind = PeriodKind.ofLabel(r.period());
            Point.Builder p = Point.measurement("inventory")
                    .time(kind.start(r.period(), zone).toEpochMilli(), TimeUnit.MILLISECONDS)
                    .tag("unit", r.unitId())
                    .tag("product", r.product().code())
                    .tag("status", r.status().name())
                    .tag("period", kind.code())
                    .addField("quantity", r.quantity().value())
                    .addField("quantity_unit", r.quantity().unit())
                    .addField("revision", (long) r.revision())
                    .addField("completeness", r.completeness());
            if (r.grade() != null) {
                p.addField("grade", r.grade());
            }
            if (r.value() != null) {
                p.addField("value_cny", r.value().cny().doubleValue());
            }
            return List.of(p.build());
        };
    }

    /**
     * {@code compensation}: tags agreement, section (absent for an agreement that settles on no
     * section), status; fields amount_cny, revision, payer, payee, period, completeness;
     * time = the period's start in {@code zone}. One point per agreement, period and status: the
     * latest PROVISIONAL figure, the FINAL one, the latest CORRECTION (a later revision overwrites).
     */
    public static PointMapper<LedgerEntry> compensation(ZoneId zone) {
        return e -> {
            PeriodKind kind = PeriodKind.ofLabel(e.period());
            Point.Builder p = Point.measurement("compensation")
                    .time(kind.start(e.period(), zone).toEpochMilli(), TimeUnit.MILLISECONDS)
                    .tag("agreement", e.agreementId())
                    .tag("status", e.status().name())
                    .addField("amount_cny", e.amountCny().doubleValue())
                    .addField("revision", (long) e.revision())
                    .addField("payer", e.payer())
                    .addField("payee", e.payee())
                    .addField("period", e.period())
                    .addField("completeness", e.inputs().completeness().doubleValue());
            if (e.sectionId() != null) {
                p.tag("section", e.sectionId());
            }
            return List.of(p.build());
        };
    }
}
