package org.ecovalue.schemas.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one written form of a JSON document that the ledger hash covers, so that a verifier in any
 * language can rebuild it from the record on the wire:
 * <ol>
 * <li>object members sorted by key (code-unit order, as {@link String#compareTo}), at every level;
 *     array elements in their order;</li>
 * <li>no whitespace between tokens;</li>
 * <li>members whose value is null are left out (as the wire leaves them out);</li>
 * <li>strings: {@code "} and {@code \} escaped, control characters U+0000–U+001F as {@code \b \t \n
 *     \f \r} or {@code \}{@code u00xx} (lower-case hex), every other character as itself in UTF-8;</li>
 * <li>numbers by value, as the shortest plain decimal: no exponent, no trailing zeros after the
 *     point ({@code 4.60} → {@code 4.6}, {@code 1E+3} → {@code 1000}, {@code 2.0} → {@code 2});</li>
 * <li>except money: a member whose name ends in {@code Cny} is written with exactly two decimals
 *     ({@code 596160} → {@code 596160.00}); more than two decimals is not money and is refused;</li>
 * <li>{@code true}, {@code false} as such.</li>
 * </ol>
 * Numbers go by value so that a record that passed through a JSON library which drops trailing
 * zeros (a browser, a tree model) still verifies; money keeps its two decimals so that the figure
 * hashed reads as the figure settled.
 */
public final class CanonicalJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final String MONEY_SUFFIX = "Cny";

    /** A money member's value, at scale 2. */
    private record Money(BigDecimal amount) {
        Money {
            try {
                amount = amount.setScale(2, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("money with more than two decimals: " + amount.toPlainString());
            }
        }
    }

    private CanonicalJson() {
    }

    /**
     * The canonical form of a JSON object, without the top-level members named in {@code excluded}.
     * An {@link IllegalArgumentException} for anything that is not a JSON object.
     */
    public static String of(byte[] json, Set<String> excluded) {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> root = (Map<String, Object>) read(p);
            excluded.forEach(root::remove);
            StringBuilder out = new StringBuilder(json.length);
            write(root, out);
            return out.toString();
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    /** The value at the current token: a sorted map, a list, a string, a BigDecimal, a Boolean or null. */
    private static Object read(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> m = new TreeMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    Object v = read(p);
                    if (v instanceof BigDecimal money && name.endsWith(MONEY_SUFFIX)) {
                        v = new Money(money);
                    }
                    if (v != null) {
                        m.put(name, v);
                    }
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(read(p));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                // from the text as written: the decimal, not its nearest double
                return p.getDecimalValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected token " + p.currentToken());
        }
    }

    private static void write(Object v, StringBuilder out) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string((String) e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (v instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(l.get(i), out);
            }
            out.append(']');
        } else if (v instanceof String s) {
            string(s, out);
        } else if (v instanceof Money m) {
            out.append(m.amount().toPlainString());
        } else if (v instanceof BigDecimal d) {
            out.append(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
        } else {
            out.append(v);
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
