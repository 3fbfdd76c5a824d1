package org.ecovalue.schemas.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ecovalue.schemas.observation.Flag;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.observation.Reading;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;
import org.ecovalue.schemas.units.UnitConversion;

/**
 * The JSON observation of DESIGN.md: decoded from what a station publishes (ts ISO-8601 with an
 * offset, or epoch ms; units converted to canonical) and encoded as it travels on
 * {@code eco.observations} (ts as epoch ms, plus the ingest fields when set).
 * Decoding either accepts a well-formed, physically possible observation or throws
 * {@link InputRejectedException}; no other exception escapes.
 */
public final class ObservationCodec {

    /** Largest payload accepted; a station observation is a few hundred bytes. */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;

    private static final JsonFactory FACTORY = Json.mapper().getFactory();

    private ObservationCodec() {
    }

    public static Observation decode(byte[] payload) throws InputRejectedException {
        if (payload == null || payload.length == 0) {
            throw new InputRejectedException(RejectReason.MALFORMED_JSON, "empty payload");
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new InputRejectedException(RejectReason.OVERSIZE_PAYLOAD,
                    payload.length + " bytes, limit " + MAX_PAYLOAD_BYTES);
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(payload);
        } catch (IOException | RuntimeException e) {
            throw new InputRejectedException(RejectReason.MALFORMED_JSON, firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InputRejectedException(RejectReason.MALFORMED_JSON, "not a JSON object");
        }
        String station = text(root, "station");
        Instant ts = timestamp(root.get("ts"));
        Long seq = null;
        JsonNode seqNode = root.get("seq");
        if (seqNode != null && !seqNode.isNull()) {
            if (!seqNode.canConvertToLong() || !seqNode.isIntegralNumber()) {
                throw new InputRejectedException(RejectReason.MISSING_FIELD, "seq must be an integer, got " + seqNode);
            }
            seq = seqNode.longValue();
        }
        JsonNode arr = root.get("readings");
        if (arr == null || !arr.isArray()) {
            throw new InputRejectedException(RejectReason.MISSING_FIELD, "readings must be an array");
        }
        if (arr.isEmpty()) {
            throw new InputRejectedException(RejectReason.NO_READINGS, "readings is empty");
        }
        List<Reading> readings = new ArrayList<>(arr.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode r : arr) {
            Reading reading = reading(r);
            if (!seen.add(reading.param())) {
                throw new InputRejectedException(RejectReason.DUPLICATE_PARAMETER,
                        "parameter " + reading.param() + " appears twice");
            }
            readings.add(reading);
        }
        String source = optionalText(root, "source");
        String sourceRef = optionalText(root, "sourceRef");
        JsonNode ing = root.get("ingestedAt");
        Long ingestedAt = ing != null && ing.isIntegralNumber() ? ing.longValue() : null;
        return new Observation(station, ts, seq, readings, source, sourceRef, ingestedAt);
    }

    private static Reading reading(JsonNode r) throws InputRejectedException {
        if (!r.isObject()) {
            throw new InputRejectedException(RejectReason.MALFORMED_JSON, "a reading is not an object: " + r);
        }
        String code = text(r, "param");
        Parameter p = Parameter.fromCode(code).orElseThrow(() ->
                new InputRejectedException(RejectReason.UNKNOWN_PARAMETER, "unknown parameter '" + code + "'"));
        JsonNode v = r.get("value");
        if (v == null || v.isNull()) {
            throw new InputRejectedException(RejectReason.MISSING_FIELD, p.code() + ": value is missing");
        }
        if (!v.isNumber()) {
            // "NaN" / "Infinity" as strings, or any other text
            String t = v.asText();
            if (t.equalsIgnoreCase("nan") || t.toLowerCase().contains("infinity")) {
                throw new InputRejectedException(RejectReason.NON_FINITE_VALUE, p.code() + ": value " + t);
            }
            throw new InputRejectedException(RejectReason.MISSING_FIELD, p.code() + ": value is not a number: " + v);
        }
        double value = v.doubleValue();
        if (!Double.isFinite(value)) {
            throw new InputRejectedException(RejectReason.NON_FINITE_VALUE, p.code() + ": value " + v.asText());
        }
        JsonNode unitNode = r.get("unit");
        String unit = unitNode == null || unitNode.isNull() ? p.canonicalUnit() : unitNode.asText();
        double canonical = UnitConversion.toCanonical(p, value, unit);
        if (!p.isPhysicallyPossible(canonical)) {
            throw new InputRejectedException(RejectReason.ABSURD_VALUE, p.code() + " = " + canonical + " "
                    + p.canonicalUnit() + " is outside the physically possible range ["
                    + p.physicalMin() + ", " + p.physicalMax() + "]");
        }
        Flag flag;
        try {
            JsonNode f = r.get("flag");
            flag = Flag.parse(f == null || f.isNull() ? null : f.asText());
        } catch (IllegalArgumentException e) {
            throw new InputRejectedException(RejectReason.BAD_FLAG, p.code() + ": " + e.getMessage());
        }
        String qc = optionalText(r, "qc");
        return new Reading(p.code(), canonical, p.canonicalUnit(), flag, qc);
    }

    private static Instant timestamp(JsonNode ts) throws InputRejectedException {
        if (ts == null || ts.isNull()) {
            throw new InputRejectedException(RejectReason.MISSING_FIELD, "ts is missing");
        }
        if (ts.isIntegralNumber()) {
            return Instant.ofEpochMilli(ts.longValue());
        }
        if (ts.isTextual()) {
            try {
                // the contract requires an offset: a local time without one is ambiguous
                return OffsetDateTime.parse(ts.asText()).toInstant();
            } catch (DateTimeException e) {
                throw new InputRejectedException(RejectReason.BAD_TIMESTAMP,
                        "ts '" + ts.asText() + "' is neither ISO-8601 with an offset nor epoch milliseconds");
            }
        }
        throw new InputRejectedException(RejectReason.BAD_TIMESTAMP, "ts must be a string or epoch ms, got " + ts);
    }

    private static String text(JsonNode node, String field) throws InputRejectedException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || !v.isTextual() || v.asText().isBlank()) {
            throw new InputRejectedException(RejectReason.MISSING_FIELD, field + " is missing or not a string");
        }
        return v.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unparseable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Encodes as on {@code eco.observations}: ts as epoch ms, fields in contract order, nulls left out. */
    public static byte[] encode(Observation o) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("station", o.station());
            g.writeNumberField("ts", o.ts().toEpochMilli());
            if (o.seq() != null) {
                g.writeNumberField("seq", o.seq());
            }
            g.writeArrayFieldStart("readings");
            for (Reading r : o.readings()) {
                g.writeStartObject();
                g.writeStringField("param", r.param());
                g.writeNumberField("value", r.value());
                g.writeStringField("unit", r.unit());
                g.writeStringField("flag", r.flag().name());
                if (r.qc() != null) {
                    g.writeStringField("qc", r.qc());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            if (o.source() != null) {
                g.writeStringField("source", o.source());
            }
            if (o.sourceRef() != null) {
                g.writeStringField("sourceRef", o.sourceRef());
            }
            if (o.ingestedAt() != null) {
                g.writeNumberField("ingestedAt", o.ingestedAt());
            }
            g.writeEndObject();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode observation of " + o.station(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
