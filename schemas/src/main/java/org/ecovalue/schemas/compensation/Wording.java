package org.ecovalue.schemas.compensation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.standards.water.WaterItem;

/** How figures are written in explanations: ¥5,460,000.00, 1.21 mg/L, 2.6×10⁸ m³, 54.6 t, 98.5%. */
final class Wording {

    private static final Map<String, String> ENGLISH = Map.of("codmn", "CODMn", "nh3n", "NH3-N", "tp", "TP",
            "tn", "TN", "cod", "COD", "bod5", "BOD5", "do", "DO", "ph", "pH");
    private static final Map<EcoProduct, String> PRODUCT_ZH = Map.ofEntries(
            Map.entry(EcoProduct.WATER_RESOURCE, "水资源"), Map.entry(EcoProduct.WATER_QUALITY, "水质"),
            Map.entry(EcoProduct.CLEAN_AIR, "清洁空气"), Map.entry(EcoProduct.SOIL, "土壤"),
            Map.entry(EcoProduct.WATER_CONSERVATION, "水源涵养"), Map.entry(EcoProduct.FLOOD_REGULATION, "洪水调蓄"),
            Map.entry(EcoProduct.WATER_PURIFICATION, "水质净化"), Map.entry(EcoProduct.AIR_PURIFICATION, "空气净化"),
            Map.entry(EcoProduct.CARBON_SEQUESTRATION, "固碳"), Map.entry(EcoProduct.OXYGEN_RELEASE, "释氧"),
            Map.entry(EcoProduct.CLIMATE_REGULATION, "气候调节"), Map.entry(EcoProduct.SOIL_RETENTION, "土壤保持"));
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private Wording() {
    }

    static String yuan(BigDecimal cny) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return "¥" + f.format(cny);
    }

    /** A concentration: up to 4 decimals, at least one (1.0, 1.21, 0.025). */
    static String mgL(BigDecimal value) {
        BigDecimal v = value.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return (v.scale() < 1 ? v.setScale(1) : v).toPlainString();
    }

    /** A dimensionless figure (an index, a multiple): up to 4 decimals. */
    static String number(BigDecimal value) {
        BigDecimal v = value.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }

    /** A volume: 2.6×10⁸ from 100,000 m³ up (4 significant digits at most), else plain. */
    static String volume(BigDecimal m3) {
        if (m3.abs().compareTo(BigDecimal.valueOf(100_000)) < 0) {
            return m3.setScale(0, RoundingMode.HALF_UP).toPlainString();
        }
        int exponent = m3.precision() - m3.scale() - 1;
        BigDecimal mantissa = m3.movePointLeft(exponent).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        if (mantissa.compareTo(BigDecimal.TEN) >= 0) {
            mantissa = mantissa.movePointLeft(1);
            exponent++;
        }
        StringBuilder sup = new StringBuilder();
        for (char c : Integer.toString(exponent).toCharArray()) {
            sup.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return (mantissa.scale() < 0 ? mantissa.setScale(0) : mantissa).toPlainString() + "×10" + sup;
    }

    /** A mass in tonnes: up to 3 decimals. */
    static String tonnes(BigDecimal t) {
        BigDecimal v = t.setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }

    /** A fraction as a percentage with one decimal: 0.985 → 98.5%. */
    static String percent(double fraction) {
        return BigDecimal.valueOf(fraction).movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    static String paramZh(String param) {
        return WaterItem.fromCode(param).map(WaterItem::chineseName).orElse(param);
    }

    static String paramEn(String param) {
        return ENGLISH.getOrDefault(param, param);
    }

    static String productZh(EcoProduct p) {
        return PRODUCT_ZH.get(p);
    }

    static String productEn(EcoProduct p) {
        return p.code().replace('_', ' ');
    }
}
