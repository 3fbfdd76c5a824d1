package org.ecovalue.schemas.assess;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Header names the assess command accepts besides the canonical codes: the column headers of CNEMC's
 * published tables (断面名称, 监测时间, 氨氮(mg/L) …) and the usual Chinese and English names of the
 * pollutants. The unit in a header's brackets is kept apart and converted where exact.
 */
final class ColumnAliases {

    static final String STATION = "station";
    static final String TS = "ts";
    static final String WATERBODY = "waterbody";
    static final String LAND_USE = "land_use";
    static final String OFFICIAL_CLASS = "official_class";
    static final String PROVINCE = "province";

    /** "氨氮(mg/L)", "pH（无量纲）": name, then the unit in ASCII or full-width brackets. */
    private static final Pattern NAME_AND_UNIT = Pattern.compile("^(.*?)\\s*[(（]([^()（）]*)[)）]\\s*$");

    private static final Map<String, String> COMMON = Map.ofEntries(
            Map.entry("断面名称", STATION), Map.entry("站点名称", STATION), Map.entry("点位名称", STATION),
            Map.entry("监测点位", STATION), Map.entry("站点", STATION), Map.entry("监测时间", TS),
            Map.entry("时间", TS), Map.entry("省份", PROVINCE));

    private static final Map<String, String> WATER = Map.ofEntries(
            Map.entry("水温", "water_temp"), Map.entry("ph", "ph"), Map.entry("溶解氧", "do"),
            Map.entry("高锰酸盐指数", "codmn"), Map.entry("化学需氧量", "cod"), Map.entry("五日生化需氧量", "bod5"),
            Map.entry("氨氮", "nh3n"), Map.entry("总磷", "tp"), Map.entry("总氮", "tn"),
            Map.entry("电导率", "conductivity"), Map.entry("浊度", "turbidity"), Map.entry("流量", "flow"),
            Map.entry("水位", "water_level"), Map.entry("铜", "cu"), Map.entry("锌", "zn"),
            Map.entry("氟化物", "fluoride"), Map.entry("硒", "se"), Map.entry("砷", "as"), Map.entry("汞", "hg"),
            Map.entry("镉", "cd"), Map.entry("铬（六价）", "cr6"), Map.entry("铬(六价)", "cr6"), Map.entry("六价铬", "cr6"),
            Map.entry("铅", "pb"), Map.entry("氰化物", "cyanide"), Map.entry("挥发酚", "volatile_phenol"),
            Map.entry("石油类", "petroleum"), Map.entry("阴离子表面活性剂", "las"), Map.entry("硫化物", "sulfide"),
            Map.entry("粪大肠菌群", "fecal_coliform"), Map.entry("水质类别", OFFICIAL_CLASS),
            Map.entry("水体类型", WATERBODY));

    private static final Map<String, String> AIR = Map.ofEntries(
            Map.entry("pm2.5", "pm25"), Map.entry("pm2_5", "pm25"), Map.entry("细颗粒物", "pm25"),
            Map.entry("pm10", "pm10"), Map.entry("可吸入颗粒物", "pm10"), Map.entry("二氧化硫", "so2"),
            Map.entry("二氧化氮", "no2"), Map.entry("一氧化碳", "co"), Map.entry("臭氧", "o3"),
            Map.entry("臭氧8小时", "o3_8h"), Map.entry("o3_8h", "o3_8h"), Map.entry("o3-8h", "o3_8h"));

    private static final Map<String, String> SOIL = Map.ofEntries(
            Map.entry("ph", "soil_ph"), Map.entry("土壤ph", "soil_ph"), Map.entry("镉", "cd"), Map.entry("汞", "hg"),
            Map.entry("砷", "as"), Map.entry("铅", "pb"), Map.entry("铬", "cr"), Map.entry("铜", "cu"),
            Map.entry("镍", "ni"), Map.entry("锌", "zn"), Map.entry("土地利用类型", LAND_USE),
            Map.entry("土地利用", LAND_USE), Map.entry("用地类型", LAND_USE));

    private ColumnAliases() {
    }

    /** A header split into its name and the unit in brackets (null when it has none). */
    record HeaderName(String name, String unit) {
    }

    static HeaderName split(String header) {
        String h = header.replace("\uFEFF", "").trim();
        Matcher m = NAME_AND_UNIT.matcher(h);
        if (m.matches() && !m.group(1).isEmpty()) {
            return new HeaderName(m.group(1).trim(), m.group(2).trim());
        }
        return new HeaderName(h, null);
    }

    /** The code a header name stands for in this kind of assessment, if any. */
    static Optional<String> codeOf(AssessKind kind, String name, Map<String, Quantity> quantities) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (quantities.containsKey(lower) || lower.equals(STATION) || lower.equals(TS) || roleOf(kind, lower)) {
            return Optional.of(lower);
        }
        Map<String, String> byKind = switch (kind) {
            case WATER -> WATER;
            case AIR -> AIR;
            case SOIL -> SOIL;
        };
        String code = byKind.get(lower);
        if (code == null) {
            code = byKind.get(name);
        }
        if (code == null) {
            code = COMMON.get(name);
        }
        return Optional.ofNullable(code);
    }

    private static boolean roleOf(AssessKind kind, String code) {
        return switch (kind) {
            case WATER -> code.equals(WATERBODY) || code.equals(OFFICIAL_CLASS) || code.equals(PROVINCE);
            case SOIL -> code.equals(LAND_USE);
            case AIR -> false;
        };
    }
}
