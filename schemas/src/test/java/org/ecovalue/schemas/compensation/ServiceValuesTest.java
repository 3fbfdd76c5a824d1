package org.ecovalue.schemas.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ecovalue.schemas.compensation.Fixtures.UPSTREAM;
import static org.ecovalue.schemas.compensation.Fixtures.cny;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ecovalue.schemas.registry.EcoProduct;
import org.junit.jupiter.api.Test;

/** A period's service values from the inventory's daily figures (the basis of service-value-share). */
class ServiceValuesTest {

    private static final LocalDate FEB_1 = LocalDate.of(2026, 2, 1);

    @Test
    void gridCellFiguresAreSummedAndADayWithoutAFigureCountsAsNoData() {
        List<ServiceValueDay> days = new ArrayList<>();
        // February 2026 has 28 days. Cell G1: every day ¥1 000.00, complete; cell G2: days 1–14 only,
        // ¥500.00, each 0.5 complete. Value: 28 × 1 000 + 14 × 500 = ¥35 000.00.
        // Completeness: (28 × 1 + 14 × 0.5) / (2 cells × 28 days) = 35 / 56 = 0.625.
        for (int d = 0; d < 28; d++) {
            days.add(new ServiceValueDay("G1", EcoProduct.WATER_CONSERVATION, FEB_1.plusDays(d), cny("1000.00"), 1));
            if (d < 14) {
                days.add(new ServiceValueDay("G2", EcoProduct.WATER_CONSERVATION, FEB_1.plusDays(d), cny("500.00"), 0.5));
            }
        }
        // a figure of March 1st is not February's
        days.add(new ServiceValueDay("G1", EcoProduct.WATER_CONSERVATION, LocalDate.of(2026, 3, 1), cny("9999.00"), 1));

        ServiceValues v = ServiceValues.fromDays(UPSTREAM, "2026-02", days);

        assertThat(v.valueCny()).containsOnlyKeys(EcoProduct.WATER_CONSERVATION);
        assertThat(v.valueCny().get(EcoProduct.WATER_CONSERVATION)).isEqualTo(cny("35000.00"));
        assertThat(v.completeness()).isCloseTo(0.625, within(1e-12));
    }

    @Test
    void theUnitsOwnFigureOfAProductIsTakenNotItsCellsTooAndTheLowestCompletenessCounts() {
        // water_resource: the unit's own ¥70.00 on each of 28 days = ¥1 960.00 (the cell's ¥5.00 a day is
        // a part of it, not more of it); completeness 28 × 1 / 28 = 1.
        // water_conservation: one cell, 7 days of ¥100.00 = ¥700.00, completeness 7 / 28 = 0.25 (the lowest).
        List<ServiceValueDay> days = new ArrayList<>();
        for (int d = 0; d < 28; d++) {
            days.add(new ServiceValueDay(UPSTREAM, EcoProduct.WATER_RESOURCE, FEB_1.plusDays(d), cny("70.00"), 1));
            days.add(new ServiceValueDay("G1", EcoProduct.WATER_RESOURCE, FEB_1.plusDays(d), cny("5.00"), 1));
            if (d < 7) {
                days.add(new ServiceValueDay("G1", EcoProduct.WATER_CONSERVATION, FEB_1.plusDays(d), cny("100.00"), 1));
            }
        }

        ServiceValues v = ServiceValues.fromDays(UPSTREAM, "2026-02", days);

        assertThat(v.valueCny().get(EcoProduct.WATER_RESOURCE)).isEqualTo(cny("1960.00"));
        assertThat(v.valueCny().get(EcoProduct.WATER_CONSERVATION)).isEqualTo(cny("700.00"));
        assertThat(v.completeness()).isCloseTo(0.25, within(1e-12));
    }
}
