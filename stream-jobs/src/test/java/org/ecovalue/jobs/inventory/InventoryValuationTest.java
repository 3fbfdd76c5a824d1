package org.ecovalue.jobs.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.InventoryStatus;
import org.ecovalue.schemas.inventory.Quantity;
import org.ecovalue.schemas.registry.AdministrativeUnit;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.GridCell;
import org.ecovalue.schemas.registry.LandCover;
import org.ecovalue.schemas.registry.PriceItem;
import org.ecovalue.schemas.registry.PriceTable;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.UnitKind;
import org.junit.jupiter.api.Test;

class InventoryValuationTest {

    /** The water_resource items of default.yaml's gep-2010 table, plus a later agricultural price. */
    private static final Registry PRICED = Registry.of(List.of(new PriceTable("gep-2010", "GEP 单价", List.of(
            item("domestic", "2.6", 2010), item("industrial", "3.6", 2010), item("agricultural", "0.07", 2010),
            item("agricultural", "0.09", 2026)))));

    private static PriceItem item(String component, String cny, int year) {
        return new PriceItem(EcoProduct.WATER_RESOURCE, component, new BigDecimal(cny), "m3", "REFERENCE §5.3",
                LocalDate.of(year, 1, 1));
    }

    private static InventoryRecord record(EcoProduct product, String period, double quantity, String unit) {
        return new InventoryRecord("390121", "岚山县", UnitKind.COUNTY, product, period, InventoryStatus.FINAL, 1,
                new Quantity(quantity, unit), null, null, "f", null, 1.0, List.of("F1"), 0);
    }

    @Test
    void waterResourceIsValuedAtTheAgriculturalPriceInForceOnThePeriodsDay() {
        // 198 720 m³ × 0.07 CNY/m³ = 13 910.40 CNY (2025: before the 2026 price)
        var v = InventoryValuation.valueOf(PRICED, record(EcoProduct.WATER_RESOURCE, "2025-11-22", 198_720, "m3"))
                .orElseThrow();
        assertThat(v.cny()).isEqualByComparingTo("13910.40");
        assertThat(v.priceRef()).isEqualTo("gep-2010/water_resource.agricultural@2010-01-01");
        // 2026: 198 720 × 0.09 = 17 884.80
        assertThat(InventoryValuation.valueOf(PRICED, record(EcoProduct.WATER_RESOURCE, "2026-11-22", 198_720, "m3"))
                .orElseThrow().cny()).isEqualByComparingTo("17884.80");
    }

    @Test
    void aRecordGetsTheRightsHolderOfItsCellElseOfTheNearestUnitAboveAndAChangedHolderAppliesAtOnce()
            throws Exception {
        var harness = org.apache.flink.streaming.util.ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                new InventoryValuation(), org.ecovalue.jobs.registry.RegistryState.DESCRIPTOR);
        for (var item : List.of(new AdministrativeUnit("390000", "清江省", UnitKind.PROVINCE, null, "清江省人民政府"),
                new AdministrativeUnit("390100", "清源市", UnitKind.CITY, "390000"),
                new AdministrativeUnit("390121", "岚山县", UnitKind.COUNTY, "390100"),
                new GridCell("G1", "390121", 25, LandCover.FOREST, "岚山县国有林场", null))) {
            harness.processBroadcastElement(org.ecovalue.jobs.TestRegistry.update(item), 0);
        }
        harness.processElement(record(EcoProduct.WATER_RESOURCE, "2026-11-22", 100, "m3"), 0);  // county 390121
        harness.processElement(new InventoryRecord("G1", "G1", UnitKind.GRID, EcoProduct.SOIL, "2026-11-22",
                InventoryStatus.LIVE, 0, new Quantity(30, "%"), null, null, "f", null, 1.0, List.of("T1"), 0), 0);
        harness.processBroadcastElement(org.ecovalue.jobs.TestRegistry.update(
                new AdministrativeUnit("390121", "岚山县", UnitKind.COUNTY, "390100", "岚山县人民政府")), 0);
        harness.processElement(record(EcoProduct.WATER_RESOURCE, "2026-11-23", 100, "m3"), 0);

        // 390121 and 390100 name none: the province's; the cell names its own; then the county names one
        assertThat(harness.extractOutputValues()).extracting(InventoryRecord::rightsHolder)
                .containsExactly("清江省人民政府", "岚山县国有林场", "岚山县人民政府");
        harness.close();
    }

    @Test
    void noPriceNoMatchingUnitOrANegativeQuantityMeansNoValue() {
        assertThat(InventoryValuation.valueOf(PRICED, record(EcoProduct.CLEAN_AIR, "2026-11-22", 75, "%"))).isEmpty();
        assertThat(InventoryValuation.valueOf(PRICED, record(EcoProduct.WATER_RESOURCE, "2026-11-22", 5, "t")))
                .isEmpty();
        assertThat(InventoryValuation.valueOf(PRICED, record(EcoProduct.WATER_RESOURCE, "2026-11-22", -5, "m3")))
                .isEmpty();
        assertThat(InventoryValuation.valueOf(Registry.empty(),
                record(EcoProduct.WATER_RESOURCE, "2026-11-22", 5, "m3"))).isEmpty();
    }
}
