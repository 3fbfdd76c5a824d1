package org.ecovalue.schemas.assess;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecovalue.schemas.observation.Domain;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;
import org.ecovalue.schemas.standards.soil.AgriculturalSoilStandard;
import org.ecovalue.schemas.standards.soil.LandUse;
import org.ecovalue.schemas.standards.soil.SoilAssessment;

/**
 * GB 15618-2018 risk class of each soil sample. {@code land_use} (paddy, orchard, other, rotation or
 * the Chinese names) and {@code soil_ph} are required per row: the screening values depend on both,
 * and guessing either would change the class.
 */
final class SoilRowAssessor implements KindAssessor {

    static final String RISK = "risk";
    static final String CATEGORY = "category";
    static final String LIMITING = "limiting";
    static final String PH_BAND = "ph_band";
    static final String SINGLE_FACTOR_INDEX = "single_factor_index";
    static final String STANDARD = "standard";
    static final String QC = "qc";

    private final Map<String, Quantity> quantities;

    SoilRowAssessor() {
        Map<String, Quantity> q = new LinkedHashMap<>();
        for (Parameter p : Parameter.values()) {
            if (p.domain() == Domain.SOIL) {
                q.put(p.code(), Quantity.of(p));
            }
        }
        this.quantities = Map.copyOf(q);
    }

    @Override
    public Map<String, Quantity> quantities() {
        return quantities;
    }

    @Override
    public boolean acceptsBelowDetectionLimit() {
        return false;
    }

    @Override
    public List<String> addedColumns(InputColumns columns) {
        return List.of(RISK, CATEGORY, LIMITING, PH_BAND, SINGLE_FACTOR_INDEX, STANDARD, QC);
    }

    @Override
    public RowVerdict assess(RowInput row, InputColumns columns) {
        Optional<String> landUseCell = columns.cell(row.cells(), ColumnAliases.LAND_USE);
        if (landUseCell.isEmpty()) {
            return RowVerdict.notAssessed(List.of(RowInput.qc(RejectReason.MISSING_FIELD, "land_use")));
        }
        Optional<LandUse> landUse = LandUse.parse(landUseCell.get());
        if (landUse.isEmpty()) {
            return RowVerdict.notAssessed(List.of(RowInput.qc(RejectReason.BAD_LAND_USE, landUseCell.get())));
        }
        Double ph = row.values().get(Parameter.SOIL_PH.code());
        if (ph == null) {
            return RowVerdict.notAssessed(List.of(RowInput.qc(RejectReason.MISSING_FIELD, "soil_ph")));
        }
        Map<Parameter, Double> metals = new EnumMap<>(Parameter.class);
        row.values().forEach((code, v) -> Parameter.fromCode(code).ifPresent(p -> metals.put(p, v)));
        SoilAssessment a;
        try {
            a = AgriculturalSoilStandard.assess(ph, landUse.get(), metals);
        } catch (InputRejectedException e) {
            return RowVerdict.notAssessed(List.of(RowInput.qc(e.reason(), e.detail())));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(RISK, a.riskClass().code());
        out.put(CATEGORY, a.riskClass().chineseName());
        out.put(LIMITING, a.limiting().stream().map(Parameter::code).toList());
        out.put(PH_BAND, a.phBand().label());
        out.put(SINGLE_FACTOR_INDEX, a.factors().stream().map(f -> f.metal().code() + "="
                + BigDecimal.valueOf(f.singleFactorIndex()).setScale(2, RoundingMode.HALF_UP)).toList());
        out.put(STANDARD, a.standard());
        return new RowVerdict(out, List.of(), true, false);
    }
}
