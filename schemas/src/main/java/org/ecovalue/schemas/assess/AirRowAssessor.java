package org.ecovalue.schemas.assess;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecovalue.schemas.observation.Domain;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;
import org.ecovalue.schemas.standards.air.AirQualityIndex;
import org.ecovalue.schemas.standards.air.AirQualityReport;
import org.ecovalue.schemas.standards.air.AqiIndicator;
import org.ecovalue.schemas.standards.air.AqiReportKind;
import org.ecovalue.schemas.standards.air.AqiStandard;
import org.ecovalue.schemas.standards.air.IndividualAqi;

/**
 * HJ 633 AQI of each row, as an hourly (real-time) or a daily report, with the version chosen by the
 * row's {@code ts} unless one is pinned. Pollutant columns carry the pipeline's codes and mean what
 * the report kind says ({@code so2} is a 1-hour mean in an hourly report, a 24-hour mean in a daily
 * one); a column named after a table column ({@code so2_24h}) is that column in either kind — the
 * hourly report under HJ 633-2012 needs it when SO2 1h exceeds 800 µg/m³.
 */
final class AirRowAssessor implements KindAssessor {

    static final String AQI = "aqi";
    static final String CATEGORY = "category";
    static final String LEVEL = "level";
    static final String LIMITING = "limiting";
    static final String PRIMARY = "primary";
    static final String EXCEEDING = "exceeding";
    static final String IAQI = "iaqi";
    static final String STANDARD = "standard";
    static final String QC = "qc";

    private final AqiReportKind kind;
    private final Optional<AqiStandard> pinned;
    private final Map<String, Quantity> quantities;

    AirRowAssessor(AssessOptions options) {
        this.kind = options.airReport();
        this.pinned = options.airStandard();
        Map<String, Quantity> q = new LinkedHashMap<>();
        for (Parameter p : Parameter.values()) {
            if (p.domain() == Domain.AIR) {
                q.put(p.code(), Quantity.of(p));
            }
        }
        for (AqiIndicator i : AqiIndicator.values()) {
            q.putIfAbsent(i.code(), renamed(Quantity.of(i.parameter()), i.code()));
        }
        this.quantities = Map.copyOf(q);
    }

    @Override
    public Map<String, Quantity> quantities() {
        return quantities;
    }

    @Override
    public boolean acceptsBelowDetectionLimit() {
        return false;
    }

    @Override
    public void check(InputColumns columns) throws InputRejectedException {
        Map<AqiIndicator, String> seen = new EnumMap<>(AqiIndicator.class);
        for (String code : columns.valueColumns().keySet()) {
            Optional<AqiIndicator> i = indicatorOf(code);
            if (i.isPresent()) {
                String before = seen.put(i.get(), code);
                if (before != null) {
                    throw new InputRejectedException(RejectReason.DUPLICATE_PARAMETER, "columns " + before + " and "
                            + code + " are both " + i.get().code() + " in a " + kind.name().toLowerCase() + " report");
                }
            }
        }
    }

    @Override
    public List<String> addedColumns(InputColumns columns) {
        return List.of(AQI, CATEGORY, LEVEL, LIMITING, PRIMARY, EXCEEDING, IAQI, STANDARD, QC);
    }

    @Override
    public RowVerdict assess(RowInput row, InputColumns columns) {
        AqiStandard standard = pinned.orElseGet(() -> AqiStandard.at(row.ts()));
        Map<AqiIndicator, Double> concentrations = new EnumMap<>(AqiIndicator.class);
        row.values().forEach((code, v) -> indicatorOf(code).ifPresent(i -> concentrations.put(i, v)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(STANDARD, standard.code());
        AirQualityReport r;
        try {
            r = AirQualityIndex.report(standard, kind, concentrations);
        } catch (InputRejectedException e) {
            return new RowVerdict(out, List.of(RowInput.qc(e.reason(), e.detail())), false, false);
        }
        out.put(AQI, r.aqi());
        out.put(CATEGORY, r.category().chineseName());
        out.put(LEVEL, r.category().level());
        out.put(LIMITING, r.indices().stream().filter(i -> i.iaqi() == r.aqi()).map(i -> label(i.indicator())).toList());
        out.put(PRIMARY, r.primaryPollutants().stream().map(this::label).toList());
        out.put(EXCEEDING, r.exceedingPollutants().stream().map(this::label).toList());
        List<String> iaqi = new ArrayList<>();
        for (IndividualAqi i : r.indices()) {
            iaqi.add(label(i.indicator()) + "=" + i.iaqi());
        }
        out.put(IAQI, iaqi);
        return new RowVerdict(out, List.of(), true, false);
    }

    private static Quantity renamed(Quantity q, String code) {
        return new Quantity(code, q.parameter(), q.canonicalUnit(), q.physicalMin(), q.physicalMax());
    }

    /** The pipeline code where the report kind reads the column from it ("pm25"), else the column's code. */
    private String label(AqiIndicator indicator) {
        return kind.indicatorFor(indicator.parameter()).filter(i -> i == indicator).isPresent()
                ? indicator.parameter().code() : indicator.code();
    }

    private Optional<AqiIndicator> indicatorOf(String code) {
        Optional<Parameter> p = Parameter.fromCode(code);
        if (p.isPresent()) {
            return kind.indicatorFor(p.get());
        }
        return AqiIndicator.fromCode(code);
    }
}
