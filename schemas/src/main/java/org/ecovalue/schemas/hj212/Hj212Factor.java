package org.ecovalue.schemas.hj212;

import java.util.Objects;
import org.ecovalue.schemas.observation.Parameter;

/**
 * A factor code that maps onto the canonical vocabulary, with the unit its values are sent in.
 *
 * @param code       factor code as in the CP field ({@code w21003}, or the 2005 {@code 060})
 * @param parameter  the canonical parameter
 * @param unit       unit of the value as a monitoring station sends it
 * @param ambientOnly an ambient air-quality parameter: not mapped from flue-gas source systems
 * @param edition    which code list the code comes from
 */
public record Hj212Factor(String code, Parameter parameter, String unit, boolean ambientOnly, Edition edition) {

    /** Code list of a factor code. */
    public enum Edition {
        /** HJ 212-2017 Appendix B (derived from HJ 524), REFERENCE.md §6.5. */
        HJ_212_2017,
        /** HJ/T 212-2005 codes, as listed in the "original code" column of HJ 212-2017 Appendix B. */
        HJT_212_2005
    }

    /** Flue-gas source systems (REFERENCE §6.2 ST table): 31 air pollution source, 51 flue-gas process. */
    private static final String ST_AIR_SOURCE = "31";
    private static final String ST_FLUE_GAS_PROCESS = "51";

    public Hj212Factor {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(edition, "edition");
    }

    /**
     * Whether a value of this factor in a packet of system {@code st} is the canonical parameter.
     * A pollutant concentration in the flue gas of a source (mg/m³ at stack conditions, often
     * normalised to a reference O2) is not the ambient concentration the air parameters stand for.
     */
    public boolean appliesTo(String st) {
        return !(ambientOnly && isFlueGasSource(st));
    }

    public static boolean isFlueGasSource(String st) {
        return ST_AIR_SOURCE.equals(st) || ST_FLUE_GAS_PROCESS.equals(st);
    }
}
