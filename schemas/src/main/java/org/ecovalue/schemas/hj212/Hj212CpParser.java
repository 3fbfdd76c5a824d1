package org.ecovalue.schemas.hj212;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;

/**
 * Reads the CP field (REFERENCE.md §6.2 and §6.4): items separated by {@code ;}, fields of one
 * factor by {@code ,}, each field {@code key=value}; per-factor keys are {@code factor-Suffix}.
 * Used by the decoder and again by the split assembler on the joined fields.
 */
final class Hj212CpParser {

    /** Decimal text as devices send it; the exponent is bounded so that parsing stays cheap. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d{1,3})?");
    /** Longer than any N-format value of HJ 212-2017 Appendix B (at most N7.6 or so). */
    private static final int MAX_NUMBER_CHARS = 40;

    record Content(Instant dataTime, Map<String, Hj212DataItem> items) {
    }

    private Hj212CpParser() {
    }

    /** Splits the CP body (between {@code CP=&&} and the closing {@code &&}) into fields. */
    static List<Hj212CpField> fields(String body) throws InputRejectedException {
        List<Hj212CpField> fields = new ArrayList<>();
        int start = 0;
        int n = body.length();
        for (int i = 0; i <= n; i++) {
            if (i == n || body.charAt(i) == ';' || body.charAt(i) == ',') {
                // empty fields come from a trailing ';' before '&&' (testdata V28/V40): skipped
                if (i > start) {
                    fields.add(field(body.substring(start, i)));
                }
                start = i + 1;
            }
        }
        return fields;
    }

    private static Hj212CpField field(String text) throws InputRejectedException {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new InputRejectedException(RejectReason.BAD_CP,
                    "CP field '" + Hj212Text.abbreviate(text) + "' is not key=value");
        }
        return new Hj212CpField(text.substring(0, eq), text.substring(eq + 1));
    }

    /**
     * Groups the fields by factor and validates them: numbers where the standard has numbers
     * ({@code non-numeric-value}), times where it has times ({@code bad-datatime}), no field twice
     * ({@code bad-cp}).
     */
    static Content content(List<Hj212CpField> fields, ZoneId zone) throws InputRejectedException {
        Instant dataTime = null;
        boolean sawDataTime = false;
        Map<String, ItemBuilder> builders = new LinkedHashMap<>();
        for (Hj212CpField f : fields) {
            String key = f.key();
            int dash = key.lastIndexOf('-');
            if (dash <= 0 || dash == key.length() - 1) {
                if (key.equals("DataTime")) {
                    if (sawDataTime) {
                        throw new InputRejectedException(RejectReason.BAD_CP, "DataTime appears twice");
                    }
                    sawDataTime = true;
                    // an empty DataTime is how the 2005 vendor queries of testdata V05–V16 say "none"
                    if (!f.value().isEmpty()) {
                        dataTime = Hj212Time.parse("DataTime", f.value(), zone);
                    }
                }
                continue;
            }
            // the factor is everything before the last '-': vendor codes may contain '-' (V14 "Nh3-scr-Rtd")
            String factor = key.substring(0, dash);
            String suffix = key.substring(dash + 1);
            builders.computeIfAbsent(factor, ItemBuilder::new).add(suffix, f.value(), zone);
        }
        Map<String, Hj212DataItem> items = new LinkedHashMap<>();
        for (ItemBuilder b : builders.values()) {
            items.put(b.factor, b.build());
        }
        return new Content(dataTime, items);
    }

    static BigDecimal number(String key, String text) throws InputRejectedException {
        if (text.length() > MAX_NUMBER_CHARS || !NUMBER.matcher(text).matches()) {
            throw new InputRejectedException(RejectReason.NON_NUMERIC_VALUE,
                    key + " = '" + Hj212Text.abbreviate(text) + "' is not a decimal number");
        }
        BigDecimal v = new BigDecimal(text);
        if (!Double.isFinite(v.doubleValue())) {
            throw new InputRejectedException(RejectReason.NON_NUMERIC_VALUE, key + " = " + text + " is out of range");
        }
        return v;
    }

    private static final class ItemBuilder {
        private final String factor;
        private BigDecimal rtd;
        private BigDecimal avg;
        private BigDecimal min;
        private BigDecimal max;
        private BigDecimal cou;
        private String flag;
        private boolean sawSampleTime;
        private Instant sampleTime;
        private final Map<String, String> other = new LinkedHashMap<>();

        ItemBuilder(String factor) {
            this.factor = factor;
        }

        void add(String suffix, String value, ZoneId zone) throws InputRejectedException {
            String key = factor + "-" + suffix;
            // suffixes are matched without regard to case: "-rtd" means what "-Rtd" means
            switch (suffix.toLowerCase(Locale.ROOT)) {
                case "rtd" -> rtd = once(key, rtd, number(key, value));
                case "avg" -> avg = once(key, avg, number(key, value));
                case "min" -> min = once(key, min, number(key, value));
                case "max" -> max = once(key, max, number(key, value));
                case "cou" -> cou = once(key, cou, number(key, value));
                case "flag" -> flag = once(key, flag, value.trim());
                case "sampletime" -> {
                    if (sawSampleTime) {
                        throw twice(key);
                    }
                    sawSampleTime = true;
                    sampleTime = value.isEmpty() ? null : Hj212Time.parse(key, value, zone);
                }
                default -> {
                    // normalised values (-ZsRtd, -ZsAvg …) are numbers too (REFERENCE §6.4)
                    if (suffix.regionMatches(true, 0, "Zs", 0, 2)) {
                        number(key, value);
                    }
                    if (other.putIfAbsent(suffix, value) != null) {
                        throw twice(key);
                    }
                }
            }
        }

        private static <T> T once(String key, T previous, T value) throws InputRejectedException {
            if (previous != null) {
                throw twice(key);
            }
            return value;
        }

        private static InputRejectedException twice(String key) {
            return new InputRejectedException(RejectReason.BAD_CP,
                    "CP field " + Hj212Text.abbreviate(key) + " appears twice: which value holds is ambiguous");
        }

        Hj212DataItem build() {
            return new Hj212DataItem(factor, rtd, avg, min, max, cou, flag, sampleTime, other);
        }
    }
}
