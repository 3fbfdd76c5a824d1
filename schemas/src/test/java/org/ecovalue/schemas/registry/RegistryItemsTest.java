package org.ecovalue.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.junit.jupiter.api.Test;

/** What each registry record refuses on its own, before any cross-item check. */
class RegistryItemsTest {

    @Test
    void aUnitsKindMustFitTheStructureOfItsGbT2260Code() {
        assertThat(new AdministrativeUnit("390100", "清源市", UnitKind.CITY, "390000").kind()).isEqualTo(UnitKind.CITY);
        assertThatThrownBy(() -> new AdministrativeUnit("390121", "岚山县", UnitKind.CITY, "390000"))
                .hasMessageStartingWith("kind: code 390121 is not a city code in GB/T 2260");
        assertThatThrownBy(() -> new AdministrativeUnit("39012", "x", UnitKind.COUNTY, "390100"))
                .hasMessage("id: '39012' is not a GB/T 2260 code (six digits)");
        assertThatThrownBy(() -> new AdministrativeUnit("390121", "x", UnitKind.GRID, "390100"))
                .hasMessage("kind: an administrative unit is a county, city or province, not grid");
        assertThatThrownBy(() -> new AdministrativeUnit("390121", "x", UnitKind.COUNTY, null))
                .hasMessage("parent: is required");
    }

    @Test
    void aStationIdIsAnHj212MnOfAtMost24Characters() {
        assertThatThrownBy(() -> new Station("SW3901210000010000000000X", StationKind.WATER, 29, 118, null, null, "op",
                StationProtocol.MQTT_HJ212, 3600))
                .hasMessageContaining("longer than an HJ 212 MN (24)");
        assertThatThrownBy(() -> new Station("SW/01", StationKind.WATER, 29, 118, null, null, "op",
                StationProtocol.MQTT_HJ212, 3600))
                .hasMessageStartingWith("id: 'SW/01' is not a valid id");
    }

    @Test
    void airSoilAndWeatherStationsFeedGridCellsSoTheyNeedOne() {
        assertThatThrownBy(() -> new Station("AQ01", StationKind.AIR, 29, 118, null, null, "op", StationProtocol.MQTT_JSON, 3600))
                .hasMessage("gridCell: an air station feeds grid-cell inventories and needs a grid cell");
    }

    @Test
    void aProtocolNamesTheSourceItsObservationsCarry() {
        assertThat(StationProtocol.ofCode("mqtt-hj212").source().wire()).isEqualTo("mqtt-hj212");
        assertThatThrownBy(() -> StationProtocol.ofCode("modbus"))
                .hasMessage("unknown protocol 'modbus' (mqtt-json|mqtt-hj212|opcua)");
    }

    @Test
    void aCrossBoundarySectionLiesBetweenTwoDifferentUnits() {
        assertThatThrownBy(() -> new Section("S", "n", "r", "b", SectionRole.CROSS_BOUNDARY, "390121", "390121",
                WaterClass.III, null, "SW", "SL"))
                .hasMessageStartingWith("downstreamUnit: a cross-boundary section lies between two units");
    }

    @Test
    void anAgreementIsInCnyAndSettlesPerMonthOrYear() {
        var scheme = new org.ecovalue.schemas.registry.scheme.ClassStepScheme(WaterClass.III, new BigDecimal("600000"), null);
        assertThatThrownBy(() -> new Agreement("A", "a", "S", "390121", "390122", scheme, PeriodKind.MONTH, null, "USD",
                LocalDate.of(2026, 1, 1), null, 0.75, null))
                .hasMessage("currency: must be CNY, got USD");
        assertThatThrownBy(() -> new Agreement("A", "a", "S", "390121", "390122", scheme, PeriodKind.DAY, null, null,
                LocalDate.of(2026, 1, 1), null, 0.75, null))
                .hasMessage("period: an agreement settles per month or year, not per day");
        assertThatThrownBy(() -> new Agreement("A", "a", "S", "390121", "390122", scheme, PeriodKind.YEAR, null, null,
                LocalDate.of(2026, 1, 1), null, 1.5, null))
                .hasMessage("minCompleteness: must be in [0.0, 1.0], got 1.5");
        assertThatThrownBy(() -> new Agreement("A", "a", null, "390121", "390122", scheme, PeriodKind.YEAR, null, null,
                LocalDate.of(2026, 1, 1), null, 0.5, null))
                .hasMessage("section: is required");
    }

    @Test
    void aPriceTableHasOnePricePerProductComponentAndDate() {
        PriceItem water = new PriceItem(EcoProduct.WATER_CONSERVATION, null, new BigDecimal("7.06"), "m3", "s",
                LocalDate.of(2010, 1, 1));
        assertThatThrownBy(() -> new PriceTable("P", "p", List.of(water, water)))
                .hasMessage("items[1]: same product, component and validFrom as items[0]");
        assertThatThrownBy(() -> new PriceItem(EcoProduct.SOIL, null, BigDecimal.ZERO, "t", "s", LocalDate.of(2010, 1, 1)))
                .hasMessage("priceCny: must be positive, got 0");
    }

    @Test
    void moneyIsRoundedHalfUpToTheFenOnceAndRefusedWithMoreDecimals() {
        assertThat(Cny.round(new BigDecimal("233279.999999"))).isEqualTo(new BigDecimal("233280.00"));
        assertThat(Cny.round(new BigDecimal("0.005"))).isEqualTo(new BigDecimal("0.01"));
        assertThat(Cny.exact(new BigDecimal("12.3"), "x")).isEqualTo(new BigDecimal("12.30"));
        assertThatThrownBy(() -> Cny.exact(new BigDecimal("12.301"), "x")).isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void periodLabelsAreDaysMonthsOrYears() {
        assertThat(PeriodKind.ofLabel("2026-11-22")).isEqualTo(PeriodKind.DAY);
        assertThat(PeriodKind.ofLabel("2026-11")).isEqualTo(PeriodKind.MONTH);
        assertThat(PeriodKind.ofLabel("2026")).isEqualTo(PeriodKind.YEAR);
        assertThat(PeriodKind.YEAR.label(LocalDate.of(2026, 11, 22))).isEqualTo("2026");
        assertThatThrownBy(() -> PeriodKind.ofLabel("2026-13")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PeriodKind.ofLabel("26-11")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anHourIsLabelledByItsLocalStartAndRunsOneHour() {
        java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
        // 2026-11-22T00:30Z is 08:30 in Shanghai (UTC+8): the hour 08 of that day, 00:00Z to 01:00Z
        assertThat(PeriodKind.HOUR.label(java.time.Instant.parse("2026-11-22T00:30:00Z"), shanghai))
                .isEqualTo("2026-11-22T08");
        assertThat(PeriodKind.ofLabel("2026-11-22T08")).isEqualTo(PeriodKind.HOUR);
        assertThat(PeriodKind.HOUR.start("2026-11-22T08", shanghai)).isEqualTo("2026-11-22T00:00:00Z");
        assertThat(PeriodKind.HOUR.end("2026-11-22T08", shanghai)).isEqualTo("2026-11-22T01:00:00Z");
        assertThat(PeriodKind.HOUR.firstDay("2026-11-22T08")).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThatThrownBy(() -> PeriodKind.ofLabel("2026-11-22T24")).isInstanceOf(IllegalArgumentException.class);
    }
}
