package org.ecovalue.schemas.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.PeriodKind;
import org.ecovalue.schemas.registry.UnitKind;
import org.junit.jupiter.api.Test;

class InventoryRecordTest {

    /** 岚山县 conserved 1 200 000 m³ in April; at 7.06 ¥/m³ that is ¥8 472 000.00. */
    static InventoryRecord aprilWaterConservation(InventoryStatus status, int revision) {
        return new InventoryRecord("390121", "岚山县", UnitKind.COUNTY, EcoProduct.WATER_CONSERVATION, "2026-04",
                status, revision, new Quantity(1_200_000, "m3"), null,
                new Valuation(new BigDecimal("8472000"), "gep-2010/water_conservation@2010-01-01"),
                "水源涵养", "岚山县人民政府", 0.93, List.of("MT390121000001", "AQ390121000001"), 1777507200000L);
    }

    @Test
    void theWireFormHasTheFieldsOfDesignWithMoneyAtTwoDecimals() throws Exception {
        String json = Json.mapper().writeValueAsString(aprilWaterConservation(InventoryStatus.FINAL, 0));

        assertThat(json).isEqualTo("{\"unitId\":\"390121\",\"unitName\":\"岚山县\",\"unitKind\":\"county\","
                + "\"product\":\"water_conservation\",\"period\":\"2026-04\",\"status\":\"FINAL\",\"revision\":0,"
                + "\"quantity\":{\"value\":1200000.0,\"unit\":\"m3\"},"
                + "\"value\":{\"cny\":8472000.00,\"priceRef\":\"gep-2010/water_conservation@2010-01-01\"},"
                + "\"function\":\"水源涵养\",\"rightsHolder\":\"岚山县人民政府\",\"completeness\":0.93,"
                + "\"stations\":[\"MT390121000001\",\"AQ390121000001\"],\"updatedAt\":1777507200000}");
    }

    @Test
    void itReadsBackEqual() throws Exception {
        InventoryRecord r = aprilWaterConservation(InventoryStatus.FINAL, 2);

        assertThat(Json.mapper().readValue(Json.mapper().writeValueAsBytes(r), InventoryRecord.class)).isEqualTo(r);
    }

    @Test
    void theKafkaKeyIsUnitAndProductForADayAndNamesTheKindOfAnHourOrAMonth() {
        assertThat(aprilWaterConservation(InventoryStatus.LIVE, 0).key()).isEqualTo("390121/water_conservation/month");
        assertThat(InventoryRecord.key("QX-G01", EcoProduct.CLEAN_AIR)).isEqualTo("QX-G01/clean_air");
        assertThat(InventoryRecord.key("QX-G01", EcoProduct.CLEAN_AIR, PeriodKind.HOUR)).isEqualTo("QX-G01/clean_air/hour");
    }

    @Test
    void aLiveFigureHasNoRevisionALateChangeAfterFinalIsAHigherRevision() {
        assertThat(aprilWaterConservation(InventoryStatus.FINAL, 1).revision()).isEqualTo(1);
        assertThatThrownBy(() -> aprilWaterConservation(InventoryStatus.LIVE, 1))
                .hasMessage("revision: a LIVE figure has revision 0; revisions number FINAL figures");
    }

    @Test
    void completenessIsAShareAndPeriodsAreLabels() {
        assertThatThrownBy(() -> new InventoryRecord("390121", "x", UnitKind.COUNTY, EcoProduct.SOIL, "2026-04",
                InventoryStatus.LIVE, 0, new Quantity(1, "ha"), null, null, null, null, 1.2, List.of(), 0))
                .hasMessage("completeness: must be in [0.0, 1.0], got 1.2");
        assertThatThrownBy(() -> new InventoryRecord("390121", "x", UnitKind.COUNTY, EcoProduct.SOIL, "April",
                InventoryStatus.LIVE, 0, new Quantity(1, "ha"), null, null, null, null, 1, List.of(), 0))
                .hasMessageStartingWith("period: 'April' is not a period label");
        assertThatThrownBy(() -> new Valuation(new BigDecimal("1.234"), "p"))
                .hasMessageStartingWith("cny: ¥1.234 has more than 2 decimals");
    }
}
