package org.ecovalue.schemas.standards.air;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;

/**
 * The air quality index of HJ 633-2012 and HJ 633-2026.
 *
 * <p>IAQI_P = (IAQI_Hi − IAQI_Lo)/(BP_Hi − BP_Lo) · (C_P − BP_Lo) + IAQI_Lo on the column's segment
 * that holds C_P, rounded up to an integer (向上进位取整, REFERENCE.md §2.2); AQI = max IAQI_P. A
 * concentration above the top breakpoint of a column that reaches IAQI 500 scores 500 (CNEMC practice,
 * REFERENCE.md §2.6); SO2 1h and O3 8h above 800 µg/m³ follow the version's {@link BeyondTableRule}.
 * Interpolation is done in decimals so that a value on a breakpoint is never pushed up by binary noise.
 */
public final class AirQualityIndex {

    private static final int TOP_IAQI = 500;
    private static final int PRIMARY_ABOVE = 50;
    private static final int EXCEEDING_ABOVE = 100;

    private AirQualityIndex() {
    }

    /** Real-time hourly report of pipeline readings, the version chosen by the data time. */
    public static AirQualityReport hourly(Instant dataTime, Map<Parameter, Double> concentrations)
            throws InputRejectedException {
        return report(AqiStandard.at(dataTime), AqiReportKind.HOURLY, byIndicator(AqiReportKind.HOURLY, concentrations));
    }

    /**
     * Daily report: {@code so2 no2 co pm10 pm25} are 24-hour means, {@code o3_8h} the daily maximum
     * 8-hour moving mean and {@code o3} the daily maximum 1-hour mean; the version chosen by the day.
     */
    public static AirQualityReport daily(Instant dataTime, Map<Parameter, Double> concentrations)
            throws InputRejectedException {
        return report(AqiStandard.at(dataTime), AqiReportKind.DAILY, byIndicator(AqiReportKind.DAILY, concentrations));
    }

    /**
     * The AQI of one report from concentrations by table column. Columns outside the report's
     * {@link AqiReportKind#indicators} are used only where a clause calls for them (under HJ 633-2012
     * an hourly report needs {@link AqiIndicator#SO2_24H} when SO2 1h exceeds 800 µg/m³).
     *
     * @throws InputRejectedException {@code no-readings} when none of the report's columns has a value;
     *     {@code absurd-value} for a negative or non-finite concentration; {@code missing-field} when a
     *     clause needs a concentration that was not given
     */
    public static AirQualityReport report(AqiStandard standard, AqiReportKind kind, Map<AqiIndicator, Double> concentrations)
            throws InputRejectedException {
        for (Map.Entry<AqiIndicator, Double> e : concentrations.entrySet()) {
            double c = e.getValue();
            if (!e.getKey().parameter().isPhysicallyPossible(c)) {
                throw new InputRejectedException(RejectReason.ABSURD_VALUE,
                        e.getKey().code() + " = " + c + " is not a possible concentration");
            }
        }
        List<IndividualAqi> indices = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<AqiIndicator> columns = kind.indicators(standard);
        for (AqiIndicator indicator : columns) {
            Double c = concentrations.get(indicator);
            if (c == null) {
                continue;
            }
            Optional<IndividualAqi> scored = score(standard, indicator, c);
            if (scored.isPresent()) {
                indices.add(scored.get());
                continue;
            }
            BeyondTableRule rule = IaqiBreakpoints.beyondTable(standard, indicator).orElseThrow();
            notes.add(rule.clause());
            if (rule.fixedIaqi().isPresent()) {
                indices.add(new IndividualAqi(indicator, c, rule.fixedIaqi().getAsInt(), rule.clause()));
                continue;
            }
            AqiIndicator instead = rule.reportInstead().orElseThrow();
            if (columns.contains(instead)) {
                continue; // already part of this report (O3 1h in a 2012 daily report)
            }
            Double insteadValue = concentrations.get(instead);
            if (insteadValue == null) {
                throw new InputRejectedException(RejectReason.MISSING_FIELD, indicator.code() + " = " + c
                        + " is above 800 and " + instead.code() + " is needed instead (" + rule.clause() + ")");
            }
            IndividualAqi other = score(standard, instead, insteadValue).orElseThrow();
            indices.add(new IndividualAqi(instead, insteadValue, other.iaqi(), rule.clause()));
        }
        if (indices.isEmpty()) {
            if (notes.isEmpty()) {
                throw new InputRejectedException(RejectReason.NO_READINGS, "none of "
                        + columns.stream().map(AqiIndicator::code).toList() + " has a value");
            }
            // O3 8h above 800 in a 2012 daily report with no O3 1h value
            throw new InputRejectedException(RejectReason.MISSING_FIELD, String.join("; ", notes));
        }
        int aqi = indices.stream().mapToInt(IndividualAqi::iaqi).max().orElseThrow();
        List<AqiIndicator> primary = aqi > PRIMARY_ABOVE
                ? indices.stream().filter(i -> i.iaqi() == aqi).map(IndividualAqi::indicator).toList()
                : List.of();
        List<AqiIndicator> exceeding =
                indices.stream().filter(i -> i.iaqi() > EXCEEDING_ABOVE).map(IndividualAqi::indicator).toList();
        return new AirQualityReport(standard, kind, aqi, AqiCategory.of(aqi), indices, primary, exceeding, notes);
    }

    /**
     * The IAQI of one concentration on one column, rounded up; empty when the concentration is above
     * a column that stops short of IAQI 500 (then a clause decides).
     */
    public static Optional<IndividualAqi> score(AqiStandard standard, AqiIndicator indicator, double concentration) {
        List<BigDecimal> bp = IaqiBreakpoints.column(standard, indicator);
        String source = IaqiBreakpoints.source(standard);
        BigDecimal c = BigDecimal.valueOf(concentration);
        for (int hi = 1; hi < bp.size(); hi++) {
            if (c.compareTo(bp.get(hi)) <= 0) {
                int lo = hi - 1;
                int iaqiLo = IaqiBreakpoints.IAQI_LEVELS.get(lo);
                int iaqiHi = IaqiBreakpoints.IAQI_LEVELS.get(hi);
                BigDecimal rise = BigDecimal.valueOf(iaqiHi - iaqiLo).multiply(c.subtract(bp.get(lo)));
                int step = rise.divide(bp.get(hi).subtract(bp.get(lo)), 0, RoundingMode.CEILING).intValueExact();
                return Optional.of(new IndividualAqi(indicator, concentration, iaqiLo + step, source));
            }
        }
        if (bp.size() == IaqiBreakpoints.IAQI_LEVELS.size()) {
            return Optional.of(new IndividualAqi(indicator, concentration, TOP_IAQI,
                    source + ": above the top breakpoint, IAQI 500 (CNEMC practice, REFERENCE.md §2.6)"));
        }
        return Optional.empty();
    }

    private static Map<AqiIndicator, Double> byIndicator(AqiReportKind kind, Map<Parameter, Double> concentrations) {
        Map<AqiIndicator, Double> m = new EnumMap<>(AqiIndicator.class);
        concentrations.forEach((p, v) -> {
            if (v != null) {
                kind.indicatorFor(p).ifPresent(i -> m.put(i, v));
            }
        });
        return m;
    }
}
