package org.ecovalue.schemas.compensation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.PeriodKind;
import org.ecovalue.schemas.registry.Section;
import org.ecovalue.schemas.registry.SectionRole;
import org.ecovalue.schemas.registry.scheme.CompensationScheme;
import org.ecovalue.schemas.standards.water.WaterBody;
import org.ecovalue.schemas.standards.water.WaterClass;

/** Sections, agreements and hour-by-hour feeding for the scheme tests. */
final class Fixtures {

    static final String UPSTREAM = "390121";
    static final String DOWNSTREAM = "390122";

    private Fixtures() {
    }

    static Section section(WaterClass target) {
        return section(target, WaterBody.RIVER);
    }

    static Section section(WaterClass target, WaterBody body) {
        return new Section("QX-S01", "清溪口", "清溪河", "qingxi", SectionRole.CROSS_BOUNDARY, UPSTREAM, DOWNSTREAM,
                target, body, "SW390121000001", "SL390121000001");
    }

    static Agreement agreement(CompensationScheme scheme, PeriodKind period, double minCompleteness,
            Map<String, BigDecimal> payerShares) {
        return new Agreement("QX-A01", "test agreement", "QX-S01", UPSTREAM, DOWNSTREAM, scheme, period, null, null,
                LocalDate.of(2020, 1, 1), null, minCompleteness, payerShares);
    }

    /** {@code hours} consecutive hours from the start of {@code period}, each with the same concentrations and volume. */
    static PeriodAccumulator feed(Agreement agreement, String period, int hours, Map<String, Double> mgL, Double volumeM3) {
        PeriodAccumulator acc = PeriodAccumulator.empty(agreement, period);
        return feed(acc, acc.start(), hours, mgL, volumeM3);
    }

    static PeriodAccumulator feed(PeriodAccumulator acc, Instant from, int hours, Map<String, Double> mgL,
            Double volumeM3) {
        PeriodAccumulator a = acc;
        for (int h = 0; h < hours; h++) {
            a = a.withHour(new SectionHour(from.plus(Duration.ofHours(h)), mgL, volumeM3));
        }
        return a;
    }

    static BigDecimal cny(String amount) {
        return new BigDecimal(amount);
    }
}
