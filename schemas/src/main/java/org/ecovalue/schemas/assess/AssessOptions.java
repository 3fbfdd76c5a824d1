package org.ecovalue.schemas.assess;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.ecovalue.schemas.standards.air.AqiReportKind;
import org.ecovalue.schemas.standards.air.AqiStandard;
import org.ecovalue.schemas.standards.water.WaterRule;

/**
 * How to read and grade a file.
 *
 * @param localZone the zone of a {@code ts} written without an offset (CNEMC's 监测时间 is Beijing time)
 * @param waterRule {@link WaterRule#REALTIME} for readings of automatic stations (the default, what
 *     CNEMC publishes), {@link WaterRule#PERIOD} for period means of a section (21 items)
 * @param lakeSites the stations taken as lakes/reservoirs when a row has no {@code waterbody}
 * @param airReport hourly (real-time) or daily report
 * @param airStandard a pinned HJ 633 version; empty to choose it by each row's {@code ts}
 */
public record AssessOptions(ZoneId localZone, WaterRule waterRule, LakeReservoirSites lakeSites,
        AqiReportKind airReport, Optional<AqiStandard> airStandard) {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    public AssessOptions {
        Objects.requireNonNull(localZone, "localZone");
        Objects.requireNonNull(waterRule, "waterRule");
        Objects.requireNonNull(lakeSites, "lakeSites");
        Objects.requireNonNull(airReport, "airReport");
        Objects.requireNonNull(airStandard, "airStandard");
    }

    /** Beijing time, real-time water rule with the packaged CNEMC lake/reservoir sites, hourly AQI by ts. */
    public static AssessOptions defaults() {
        return new AssessOptions(BEIJING, WaterRule.REALTIME, LakeReservoirSites.cnemcInferred(),
                AqiReportKind.HOURLY, Optional.empty());
    }

    public AssessOptions withLocalZone(ZoneId zone) {
        return new AssessOptions(zone, waterRule, lakeSites, airReport, airStandard);
    }

    public AssessOptions withWaterRule(WaterRule rule) {
        return new AssessOptions(localZone, rule, lakeSites, airReport, airStandard);
    }

    public AssessOptions withLakeSites(LakeReservoirSites sites) {
        return new AssessOptions(localZone, waterRule, sites, airReport, airStandard);
    }

    public AssessOptions withAirReport(AqiReportKind kind) {
        return new AssessOptions(localZone, waterRule, lakeSites, kind, airStandard);
    }

    public AssessOptions withAirStandard(AqiStandard standard) {
        return new AssessOptions(localZone, waterRule, lakeSites, airReport, Optional.of(standard));
    }
}
