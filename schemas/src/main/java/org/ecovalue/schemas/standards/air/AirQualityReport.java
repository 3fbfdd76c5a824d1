package org.ecovalue.schemas.standards.air;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An AQI and everything that explains it: the version of HJ 633 and the kind of report that produced
 * it, the individual indices it is the maximum of, the primary pollutants (首要污染物: the indicators
 * whose IAQI equals the AQI, all of them on a tie, only when AQI &gt; 50) and the exceeding pollutants
 * (超标污染物: IAQI &gt; 100). Notes record where a clause replaced the table (above 800 µg/m³ …).
 */
public record AirQualityReport(
        AqiStandard standard,
        AqiReportKind kind,
        int aqi,
        AqiCategory category,
        List<IndividualAqi> indices,
        List<AqiIndicator> primaryPollutants,
        List<AqiIndicator> exceedingPollutants,
        List<String> notes) {

    public AirQualityReport {
        Objects.requireNonNull(standard, "standard");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(category, "category");
        indices = List.copyOf(indices);
        primaryPollutants = List.copyOf(primaryPollutants);
        exceedingPollutants = List.copyOf(exceedingPollutants);
        notes = List.copyOf(notes);
    }

    /** The IAQI of one column, if it was part of this AQI. */
    public OptionalInt iaqi(AqiIndicator indicator) {
        return indices.stream().filter(i -> i.indicator() == indicator).mapToInt(IndividualAqi::iaqi).findFirst();
    }
}
