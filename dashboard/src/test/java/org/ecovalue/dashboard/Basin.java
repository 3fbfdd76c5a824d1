package org.ecovalue.dashboard;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.InventoryStatus;
import org.ecovalue.schemas.inventory.Quantity;
import org.ecovalue.schemas.inventory.Valuation;
import org.ecovalue.schemas.ledger.LedgerEntry;
import org.ecovalue.schemas.ledger.LedgerInputs;
import org.ecovalue.schemas.ledger.LedgerStatus;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.RegistryLoader;
import org.ecovalue.schemas.registry.UnitKind;
import org.ecovalue.schemas.standards.water.WaterClass;

/**
 * The default scenario's basin (deploy/config/default.yaml: 清溪河, sections 界牌 QX-S01 target II,
 * 双江口 QX-S02 target III, 清溪河口 QX-S03 target III) and records about it, as the pipeline would
 * publish them.
 */
final class Basin {

    static final Path REGISTRY = Path.of("../deploy/config/default.yaml");
    /** Quality station of 双江口 (QX-S02). */
    static final String SHUANGJIANGKOU_STATION = "SW390122000001";
    static final String XIKOU = "390122";
    static final String QINGPU = "390123";

    private Basin() {
    }

    static Registry registry() throws Exception {
        return RegistryLoader.load(REGISTRY);
    }

    /**
     * A running figure of the class-step agreement QX-A02 (双江口, baseline III, ¥500,000 per class):
     * a class IV month costs 溪口 one class step, ¥500,000.00, paid to 清浦.
     */
    static LedgerEntry provisional(String amount, double nh3nMean, long computedAt) {
        return new LedgerEntry("QX-A02", "QX-S02", "2026-11", "class-step", LedgerStatus.PROVISIONAL, 0,
                XIKOU, QINGPU, new BigDecimal(amount),
                LedgerInputs.of(Map.of("nh3n", nh3nMean), null, 500, 0.9, WaterClass.IV, null),
                "双江口 2026-11 月均水质劣于基准 III 类：溪口县补偿清浦县 " + amount + " 元", computedAt, computedAt,
                null, null);
    }

    static LedgerEntry finalOctober(String amount) {
        return new LedgerEntry("QX-A02", "QX-S02", "2026-10", "class-step", LedgerStatus.FINAL, 0,
                XIKOU, QINGPU, new BigDecimal(amount),
                LedgerInputs.of(Map.of("nh3n", 1.1), null, 720, 0.97, WaterClass.IV, null),
                "双江口 2026-10 月均水质 IV 类：溪口县补偿清浦县 " + amount + " 元", 1_793_000_000_000L,
                1_793_000_000_000L, null, null);
    }

    static InventoryRecord waterConservation(String unitId, double m3, String cny, long updatedAt) {
        return new InventoryRecord(unitId, "岚山县", UnitKind.COUNTY, EcoProduct.WATER_CONSERVATION, "2026-11-21",
                InventoryStatus.LIVE, 0, new Quantity(m3, "m3"), null, new Valuation(new BigDecimal(cny), "gep-2010/water_conservation"),
                "水源涵养", "岚山县人民政府", 0.92, List.of("MT390121000001"), updatedAt);
    }

    static byte[] stationClass(String station, long ts, String waterClass) {
        return ("{\"station\":\"" + station + "\",\"ts\":" + ts + ",\"class\":\"" + waterClass
                + "\",\"limiting\":[\"nh3n\"],\"standard\":\"GB 3838-2002\"}").getBytes(StandardCharsets.UTF_8);
    }
}
