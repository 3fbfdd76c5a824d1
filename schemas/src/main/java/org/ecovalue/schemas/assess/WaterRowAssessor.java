package org.ecovalue.schemas.assess;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ecovalue.schemas.observation.Domain;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.reject.RejectReason;
import org.ecovalue.schemas.standards.water.MainPollutant;
import org.ecovalue.schemas.standards.water.SurfaceWaterStandard;
import org.ecovalue.schemas.standards.water.WaterBody;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.ecovalue.schemas.standards.water.WaterEvaluation;
import org.ecovalue.schemas.standards.water.WaterItem;
import org.ecovalue.schemas.standards.water.WaterRule;

/**
 * GB 3838-2002 class of each row under the configured {@link WaterRule}, with the water body decided
 * per row: an explicit {@code waterbody} cell wins; else a station on the lake/reservoir list is a
 * lake; else it is a river. The output says which of the three decided ({@code waterbody_source}),
 * because TP limits differ by a factor of two to four between rivers and lakes.
 *
 * <p>When the input carries an official class (CNEMC's 水质类别: 1–5, 6 = 劣V, −1 = not evaluated),
 * it is shown normalised as {@code official_class} and a row whose computed class differs is flagged
 * {@code class-mismatch}: the published values contradict the published class.
 */
final class WaterRowAssessor implements KindAssessor {

    static final String CLASS = "class";
    static final String CATEGORY = "category";
    static final String LIMITING = "limiting";
    static final String MAIN_POLLUTANTS = "main_pollutants";
    static final String WATERBODY = "waterbody";
    static final String WATERBODY_SOURCE = "waterbody_source";
    static final String STANDARD = "standard";
    static final String OFFICIAL_CLASS = "official_class";
    static final String QC = "qc";

    private final WaterRule rule;
    private final LakeReservoirSites lakeSites;
    private final Map<String, Quantity> quantities;

    WaterRowAssessor(AssessOptions options) {
        this.rule = options.waterRule();
        this.lakeSites = options.lakeSites();
        Map<String, Quantity> q = new LinkedHashMap<>();
        for (WaterItem item : WaterItem.values()) {
            q.put(item.code(), item.parameter().map(Quantity::of)
                    .orElseGet(() -> Quantity.concentration(item.code(), null, item.unit())));
        }
        for (Parameter p : Parameter.values()) {
            if (p.domain() == Domain.WATER) {
                q.putIfAbsent(p.code(), Quantity.of(p));
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
        return true;
    }

    @Override
    public List<String> addedColumns(InputColumns columns) {
        List<String> added = new ArrayList<>(List.of(CLASS, CATEGORY, LIMITING, MAIN_POLLUTANTS, WATERBODY,
                WATERBODY_SOURCE, STANDARD));
        if (columns.has(ColumnAliases.OFFICIAL_CLASS)) {
            added.add(OFFICIAL_CLASS);
        }
        added.add(QC);
        return added;
    }

    @Override
    public RowVerdict assess(RowInput row, InputColumns columns) {
        List<String> qc = new ArrayList<>();
        Map<String, Object> out = new LinkedHashMap<>();

        Optional<OfficialClass> official = officialClass(row.cells(), columns, qc);
        if (columns.has(ColumnAliases.OFFICIAL_CLASS)) {
            out.put(OFFICIAL_CLASS, official.flatMap(OfficialClass::waterClass).map(WaterClass::label).orElse(null));
        }

        Optional<String> explicit = columns.cell(row.cells(), ColumnAliases.WATERBODY);
        WaterBody body;
        String source;
        if (explicit.isPresent()) {
            Optional<WaterBody> parsed = parseWaterBody(explicit.get());
            if (parsed.isEmpty()) {
                qc.add(RowInput.qc(RejectReason.BAD_WATERBODY, explicit.get()));
                return new RowVerdict(out, qc, false, false);
            }
            body = parsed.get();
            source = "input";
        } else if (lakeSites.contains(row.station(), columns.cell(row.cells(), ColumnAliases.PROVINCE).orElse(null))) {
            body = WaterBody.LAKE;
            source = "site-list";
        } else {
            body = WaterBody.RIVER;
            source = "default";
        }
        out.put(WATERBODY, body.name().toLowerCase(Locale.ROOT));
        out.put(WATERBODY_SOURCE, source);

        Map<WaterItem, Double> items = new EnumMap<>(WaterItem.class);
        row.values().forEach((code, v) -> WaterItem.fromCode(code).ifPresent(item -> items.put(item, v)));
        Optional<WaterEvaluation> evaluation = SurfaceWaterStandard.evaluate(rule, items, body);
        if (evaluation.isEmpty()) {
            qc.add(RowInput.qc(RejectReason.NOTHING_TO_ASSESS, "none of "
                    + String.join(",", rule.evaluated().stream().map(WaterItem::code).toList()) + " has a value"));
            return new RowVerdict(out, qc, false, false);
        }
        WaterEvaluation e = evaluation.get();
        out.put(CLASS, e.waterClass().label());
        out.put(CATEGORY, e.waterClass().grade());
        out.put(LIMITING, e.limiting().stream().map(WaterItem::code).toList());
        out.put(MAIN_POLLUTANTS, e.mainPollutants().stream().map(WaterRowAssessor::format).toList());
        out.put(STANDARD, e.standard());

        boolean mismatch = false;
        if (official.isPresent()) {
            Optional<WaterClass> published = official.get().waterClass();
            if (published.isEmpty() || published.get() != e.waterClass()) {
                mismatch = true;
                qc.add(RowInput.qc(RejectReason.CLASS_MISMATCH, "official="
                        + published.map(WaterClass::label).orElse("not-evaluated") + ",computed=" + e.waterClass().label()));
            }
        }
        return new RowVerdict(out, qc, true, mismatch);
    }

    @Override
    public Map<String, Object> unassessedColumns(List<String> cells, InputColumns columns) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (columns.has(ColumnAliases.OFFICIAL_CLASS)) {
            out.put(OFFICIAL_CLASS, officialClass(cells, columns, new ArrayList<>())
                    .flatMap(OfficialClass::waterClass).map(WaterClass::label).orElse(null));
        }
        return out;
    }

    /** The published class, if the input has the column; a cell that is no class adds a qc remark. */
    private static Optional<OfficialClass> officialClass(List<String> cells, InputColumns columns, List<String> qc) {
        if (!columns.has(ColumnAliases.OFFICIAL_CLASS)) {
            return Optional.empty();
        }
        Optional<String> cell = columns.cell(cells, ColumnAliases.OFFICIAL_CLASS);
        Optional<OfficialClass> official = cell.map(OfficialClass::parse).orElse(Optional.of(OfficialClass.NOT_EVALUATED));
        if (official.isEmpty()) {
            qc.add(RowInput.qc(RejectReason.BAD_OFFICIAL_CLASS, cell.orElse("")));
        }
        return official;
    }

    /** "nh3n=2.00": the item and its exceedance multiple, as reports print it (two decimals). */
    private static String format(MainPollutant m) {
        return m.item().code() + "=" + BigDecimal.valueOf(m.exceedanceMultiple()).setScale(2, RoundingMode.HALF_UP);
    }

    static Optional<WaterBody> parseWaterBody(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "river", "河流", "河" -> Optional.of(WaterBody.RIVER);
            case "lake", "reservoir", "lake/reservoir", "湖泊", "水库", "湖库", "湖", "库" -> Optional.of(WaterBody.LAKE);
            default -> Optional.empty();
        };
    }

    /** A published class: I–V, 劣V, or not evaluated. */
    record OfficialClass(Optional<WaterClass> waterClass) {

        static final OfficialClass NOT_EVALUATED = new OfficialClass(Optional.empty());

        /** CNEMC numbers (1–6, −1) or a label (III, Ⅲ, Ⅲ类, 劣V, 劣Ⅴ类). */
        static Optional<OfficialClass> parse(String text) {
            String t = text.trim();
            if (t.equals("-1")) {
                return Optional.of(NOT_EVALUATED);
            }
            if (t.matches("[1-6]")) {
                return Optional.of(new OfficialClass(Optional.of(WaterClass.ofNumber(Integer.parseInt(t)))));
            }
            String ascii = t.replace("类", "").replace("Ⅰ", "I").replace("Ⅱ", "II").replace("Ⅲ", "III")
                    .replace("Ⅳ", "IV").replace("Ⅴ", "V").trim();
            try {
                return Optional.of(new OfficialClass(Optional.of(WaterClass.ofLabel(ascii))));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
