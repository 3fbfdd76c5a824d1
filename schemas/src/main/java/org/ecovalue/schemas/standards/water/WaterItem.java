package org.ecovalue.schemas.standards.water;

import java.util.Locale;
import java.util.Optional;
import org.ecovalue.schemas.observation.Parameter;

/**
 * The 24 basic items of GB 3838-2002 Table 1 (表1 地表水环境质量标准基本项目标准限值), in the
 * table's own order (序号 1–24). Items that the pipeline also carries as readings name their
 * {@link Parameter}; the others (metals in water, cyanide …) only occur in laboratory data, so they
 * have a code of their own here. Concentrations are mg/L except pH (dimensionless), water
 * temperature (°C) and fecal coliform (个/L).
 */
public enum WaterItem {
    WATER_TEMP(1, "water_temp", "水温", "°C", Parameter.WATER_TEMP),
    PH(2, "ph", "pH", "", Parameter.PH),
    DO(3, "do", "溶解氧", "mg/L", Parameter.DO),
    CODMN(4, "codmn", "高锰酸盐指数", "mg/L", Parameter.CODMN),
    COD(5, "cod", "化学需氧量", "mg/L", Parameter.COD),
    BOD5(6, "bod5", "五日生化需氧量", "mg/L", Parameter.BOD5),
    NH3N(7, "nh3n", "氨氮", "mg/L", Parameter.NH3N),
    TP(8, "tp", "总磷", "mg/L", Parameter.TP),
    TN(9, "tn", "总氮", "mg/L", Parameter.TN),
    CU(10, "cu", "铜", "mg/L", null),
    ZN(11, "zn", "锌", "mg/L", null),
    FLUORIDE(12, "fluoride", "氟化物", "mg/L", null),
    SE(13, "se", "硒", "mg/L", null),
    AS(14, "as", "砷", "mg/L", null),
    HG(15, "hg", "汞", "mg/L", null),
    CD(16, "cd", "镉", "mg/L", null),
    CR6(17, "cr6", "铬（六价）", "mg/L", null),
    PB(18, "pb", "铅", "mg/L", null),
    CYANIDE(19, "cyanide", "氰化物", "mg/L", null),
    VOLATILE_PHENOL(20, "volatile_phenol", "挥发酚", "mg/L", null),
    PETROLEUM(21, "petroleum", "石油类", "mg/L", null),
    LAS(22, "las", "阴离子表面活性剂", "mg/L", null),
    SULFIDE(23, "sulfide", "硫化物", "mg/L", null),
    FECAL_COLIFORM(24, "fecal_coliform", "粪大肠菌群", "个/L", null);

    private final int serial;
    private final String code;
    private final String chineseName;
    private final String unit;
    private final Parameter parameter;

    WaterItem(int serial, String code, String chineseName, String unit, Parameter parameter) {
        this.serial = serial;
        this.code = code;
        this.chineseName = chineseName;
        this.unit = unit;
        this.parameter = parameter;
    }

    /** 序号 in GB 3838-2002 Table 1. */
    public int serial() {
        return serial;
    }

    /** Lower-case code; the pipeline's {@link Parameter} code where there is one. */
    public String code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The unit of the Table 1 limits. */
    public String unit() {
        return unit;
    }

    /** The pipeline parameter this item is measured as, if the pipeline carries it. */
    public Optional<Parameter> parameter() {
        return Optional.ofNullable(parameter);
    }

    /**
     * Whether a value is possible at all (not a quality judgement): the parameter's physical range
     * where the pipeline has one, else any finite non-negative concentration.
     */
    public boolean isPhysicallyPossible(double value) {
        if (parameter != null) {
            return parameter.isPhysicallyPossible(value);
        }
        return Double.isFinite(value) && value >= 0;
    }

    public static Optional<WaterItem> of(Parameter p) {
        for (WaterItem item : values()) {
            if (item.parameter == p) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    public static Optional<WaterItem> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        for (WaterItem item : values()) {
            if (item.code.equals(c)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }
}
