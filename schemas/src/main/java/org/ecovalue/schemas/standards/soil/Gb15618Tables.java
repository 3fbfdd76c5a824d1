package org.ecovalue.schemas.standards.soil;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.ecovalue.schemas.observation.Parameter;

/**
 * GB 15618-2018《土壤环境质量 农用地土壤污染风险管控标准（试行）》 as data: Table 1 risk screening
 * values (风险筛选值) and Table 3 risk intervention values (风险管制值) of the eight metals, mg/kg total
 * element, by pH band (REFERENCE.md §3.1–3.2; official page
 * https://www.mee.gov.cn/ywgz/fgbz/bz/bzwb/trhj/201807/t20180703_446029.shtml).
 */
public final class Gb15618Tables {

    public static final String SCREENING_SOURCE = "GB 15618-2018 表1";
    public static final String INTERVENTION_SOURCE = "GB 15618-2018 表3";

    /** The metals of Table 1, in table order. */
    public static final List<Parameter> METALS = List.of(
            Parameter.CD, Parameter.HG, Parameter.AS, Parameter.PB, Parameter.CR, Parameter.CU, Parameter.NI, Parameter.ZN);

    /** Values for pH ≤5.5, 5.5–6.5, 6.5–7.5, >7.5. */
    private record Row(double[] byBand) {
        double at(PhBand band) {
            return byBand[band.ordinal()];
        }
    }

    private static Row row(double a, double b, double c, double d) {
        return new Row(new double[] {a, b, c, d});
    }

    /** Table 1, 水田 rows (Cu: the "其他" row covers paddies; Ni and Zn have one row for all land). */
    private static final Map<Parameter, Row> SCREENING_PADDY = Map.of(
            Parameter.CD, row(0.3, 0.4, 0.6, 0.8),
            Parameter.HG, row(0.5, 0.5, 0.6, 1.0),
            Parameter.AS, row(30, 30, 25, 20),
            Parameter.PB, row(80, 100, 140, 240),
            Parameter.CR, row(250, 250, 300, 350),
            Parameter.CU, row(50, 50, 100, 100),
            Parameter.NI, row(60, 70, 100, 190),
            Parameter.ZN, row(200, 200, 250, 300));

    /** Table 1, 其他 rows. */
    private static final Map<Parameter, Row> SCREENING_OTHER = Map.of(
            Parameter.CD, row(0.3, 0.3, 0.3, 0.6),
            Parameter.HG, row(1.3, 1.8, 2.4, 3.4),
            Parameter.AS, row(40, 40, 30, 25),
            Parameter.PB, row(70, 90, 120, 170),
            Parameter.CR, row(150, 150, 200, 250),
            Parameter.CU, row(50, 50, 100, 100),
            Parameter.NI, row(60, 70, 100, 190),
            Parameter.ZN, row(200, 200, 250, 300));

    /** Table 1, 铜 果园. */
    private static final Row SCREENING_CU_ORCHARD = row(150, 150, 200, 200);

    /** Table 3: no land-use split, and no values for Cu, Ni, Zn. */
    private static final Map<Parameter, Row> INTERVENTION = Map.of(
            Parameter.CD, row(1.5, 2.0, 3.0, 4.0),
            Parameter.HG, row(2.0, 2.5, 4.0, 6.0),
            Parameter.AS, row(200, 150, 120, 100),
            Parameter.PB, row(400, 500, 700, 1000),
            Parameter.CR, row(800, 850, 1000, 1300));

    private Gb15618Tables() {
    }

    /** The risk screening value of a metal for a land use and pH band, mg/kg. */
    public static double screening(Parameter metal, LandUse landUse, PhBand band) {
        requireMetal(metal);
        return switch (landUse) {
            case PADDY -> SCREENING_PADDY.get(metal).at(band);
            case OTHER -> SCREENING_OTHER.get(metal).at(band);
            case ORCHARD -> metal == Parameter.CU ? SCREENING_CU_ORCHARD.at(band) : SCREENING_OTHER.get(metal).at(band);
            // Table 1 note 2: "对于水旱轮作地，采用其中较严格的风险筛选值"
            case PADDY_DRYLAND_ROTATION -> Math.min(SCREENING_PADDY.get(metal).at(band), SCREENING_OTHER.get(metal).at(band));
        };
    }

    /** The risk intervention value of a metal and pH band, mg/kg; empty for Cu, Ni and Zn. */
    public static OptionalDouble intervention(Parameter metal, PhBand band) {
        requireMetal(metal);
        Row r = INTERVENTION.get(metal);
        return r == null ? OptionalDouble.empty() : OptionalDouble.of(r.at(band));
    }

    private static void requireMetal(Parameter metal) {
        if (!METALS.contains(metal)) {
            throw new IllegalArgumentException(metal.code() + " is not a metal of GB 15618-2018 Table 1");
        }
    }
}
