package org.ecovalue.schemas.hj212;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;

/**
 * Decodes one HJ 212 packet (2005, 2017 or 2025 dialect) into an {@link Hj212Packet}.
 *
 * <p>Checks, in this order, each with its own reason: frame ({@code bad-frame}), length field
 * ({@code bad-length}), CRC ({@code bad-crc}, or {@code byte-swapped-crc} when the two CRC bytes are
 * exchanged), header fields ({@code missing-header-field}), CN ({@code unknown-cn}), Flag
 * ({@code bad-flag-field}), PNUM/PNO ({@code bad-packet-number}), CP ({@code bad-cp}), DataTime
 * ({@code missing-datatime}, {@code bad-datatime}) and values ({@code non-numeric-value}).
 *
 * <p><b>When both length and CRC are wrong, {@code bad-length} wins.</b> The length field is what
 * delimits the data segment on a stream; once it disagrees with the bytes received, the segment the
 * CRC was computed over is not the one the sender declared, so a CRC mismatch is a consequence and
 * not a second finding. The acceptance data follows this: every packet with {@code len_ok=False}
 * is expected as {@code bad-length} whatever its {@code crc_ok}.
 *
 * <p>A {@link Mode#TOLERANT} decoder accepts a byte-swapped CRC and an unknown CN, and lists them
 * in {@link Hj212Packet#tolerated()}; everything else is refused as in strict mode.
 *
 * <p>Only {@link InputRejectedException} leaves {@code decode}, for any input (fuzz-tested).
 * Instances are immutable and thread-safe.
 */
public final class Hj212Decoder {

    /** DataTime is local time; DESIGN.md "Semantics that matter" sets this default. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    /** "##" + 4-digit length (so at most 9999) + data segment + 4-hex CRC + CRLF. */
    public static final int MAX_FRAME_BYTES = 2 + 4 + 9999 + 4 + 2;

    private static final int HEADER_BYTES = 6;
    private static final int CRC_CHARS = 4;

    /** How a decoder treats the deviations real devices are known to produce. */
    public enum Mode { STRICT, TOLERANT }

    private final ZoneId zone;
    private final Mode mode;

    public Hj212Decoder(ZoneId zone, Mode mode) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /** Strict, DataTime in Asia/Shanghai. */
    public static Hj212Decoder strict() {
        return new Hj212Decoder(DEFAULT_ZONE, Mode.STRICT);
    }

    public static Hj212Decoder tolerant() {
        return new Hj212Decoder(DEFAULT_ZONE, Mode.TOLERANT);
    }

    public ZoneId zone() {
        return zone;
    }

    public Mode mode() {
        return mode;
    }

    /** A packet as text (one line, with or without the trailing CRLF); encoded as UTF-8 for the checks. */
    public Hj212Packet decode(String packet) throws InputRejectedException {
        if (packet == null) {
            throw new InputRejectedException(RejectReason.BAD_FRAME, "no packet (null)");
        }
        // UTF-8 never has fewer bytes than chars, so this bounds the allocation below
        if (packet.length() > MAX_FRAME_BYTES) {
            throw oversize(packet.length());
        }
        return decode(packet.getBytes(StandardCharsets.UTF_8));
    }

    /** A packet as received (an MQTT payload), with or without the trailing CRLF. */
    public Hj212Packet decode(byte[] wire) throws InputRejectedException {
        if (wire == null || wire.length == 0) {
            throw new InputRejectedException(RejectReason.BAD_FRAME, "empty packet");
        }
        if (wire.length > MAX_FRAME_BYTES) {
            throw oversize(wire.length);
        }
        int end = wire.length;
        if (end >= 2 && wire[end - 2] == '\r' && wire[end - 1] == '\n') {
            end -= 2;
        } else if (wire[end - 1] == '\n') {
            end -= 1;
        }
        if (end < HEADER_BYTES + CRC_CHARS) {
            throw new InputRejectedException(RejectReason.BAD_FRAME,
                    end + " bytes: a frame is ## + 4-digit length + data segment + 4-hex CRC (REFERENCE §6.1)");
        }
        if (wire[0] != '#' || wire[1] != '#') {
            throw new InputRejectedException(RejectReason.BAD_FRAME, "does not start with ##");
        }
        int declared = 0;
        for (int i = 2; i < HEADER_BYTES; i++) {
            int d = wire[i] - '0';
            if (d < 0 || d > 9) {
                throw new InputRejectedException(RejectReason.BAD_FRAME,
                        "length field '" + ascii(wire, 2, HEADER_BYTES) + "' is not 4 decimal digits");
            }
            declared = declared * 10 + d;
        }
        int segStart = HEADER_BYTES;
        int segEnd = end - CRC_CHARS;
        int actual = segEnd - segStart;
        if (declared != actual) {
            throw new InputRejectedException(RejectReason.BAD_LENGTH,
                    "length field says " + declared + ", the data segment has " + actual + " bytes");
        }
        Set<RejectReason> tolerated = EnumSet.noneOf(RejectReason.class);
        checkCrc(wire, segStart, segEnd, tolerated);
        String segment = new String(wire, segStart, actual, StandardCharsets.UTF_8);
        return parseSegment(segment, tolerated);
    }

    private void checkCrc(byte[] wire, int segStart, int segEnd, Set<RejectReason> tolerated)
            throws InputRejectedException {
        int sent = 0;
        for (int i = segEnd; i < segEnd + CRC_CHARS; i++) {
            int h = hexDigit(wire[i]);
            if (h < 0) {
                throw new InputRejectedException(RejectReason.BAD_CRC,
                        "CRC field '" + ascii(wire, segEnd, segEnd + CRC_CHARS) + "' is not 4 hex digits");
            }
            sent = (sent << 4) | h;
        }
        int computed = Hj212Crc.compute(wire, segStart, segEnd);
        if (sent == computed) {
            return;
        }
        if (Hj212Crc.isByteSwapOf(sent, computed)) {
            if (mode == Mode.STRICT) {
                throw new InputRejectedException(RejectReason.BYTE_SWAPPED_CRC, "CRC field " + Hj212Crc.format(sent)
                        + " is the byte-swapped form of the computed " + Hj212Crc.format(computed));
            }
            tolerated.add(RejectReason.BYTE_SWAPPED_CRC);
            return;
        }
        throw new InputRejectedException(RejectReason.BAD_CRC,
                "CRC field " + Hj212Crc.format(sent) + ", computed " + Hj212Crc.format(computed));
    }

    private Hj212Packet parseSegment(String segment, Set<RejectReason> tolerated) throws InputRejectedException {
        int cpAt = segment.indexOf("CP=&&");
        if (cpAt < 0) {
            throw new InputRejectedException(RejectReason.MISSING_HEADER_FIELD, "no CP=&&…&& in the data segment");
        }
        if (cpAt > 0 && segment.charAt(cpAt - 1) != ';') {
            throw new InputRejectedException(RejectReason.BAD_FRAME, "CP= is not preceded by ';'");
        }
        String body = segment.substring(cpAt + "CP=&&".length());
        if (!body.endsWith("&&")) {
            throw new InputRejectedException(RejectReason.BAD_CP, "CP does not end with && (REFERENCE §6.2)");
        }
        Map<String, String> header = header(segment.substring(0, cpAt));
        String st = required(header, "ST");
        String cn = required(header, "CN");
        String pw = required(header, "PW");
        String mn = required(header, "MN");
        if (st.isEmpty()) {
            throw new InputRejectedException(RejectReason.MISSING_HEADER_FIELD, "ST is empty");
        }
        if (Hj212Command.fromCode(cn).isEmpty()) {
            if (mode == Mode.STRICT) {
                throw new InputRejectedException(RejectReason.UNKNOWN_CN,
                        "CN '" + Hj212Text.abbreviate(cn) + "' is not in the known command table");
            }
            tolerated.add(RejectReason.UNKNOWN_CN);
        }
        String qn = header.remove("QN");
        Hj212Flag flag = flag(header.remove("Flag"));
        Integer pnum = packetNumber("PNUM", header.remove("PNUM"));
        Integer pno = packetNumber("PNO", header.remove("PNO"));
        if ((pnum == null) != (pno == null)) {
            throw new InputRejectedException(RejectReason.BAD_PACKET_NUMBER, "PNUM and PNO must come together");
        }
        if (pnum != null && pno > pnum) {
            throw new InputRejectedException(RejectReason.BAD_PACKET_NUMBER, "PNO " + pno + " exceeds PNUM " + pnum);
        }
        String cpBody = body.substring(0, body.length() - 2);
        if (cpBody.contains("&&")) {
            throw new InputRejectedException(RejectReason.BAD_CP, "&& inside CP: the CP field is one &&…&& pair");
        }
        List<Hj212CpField> cp = Hj212CpParser.fields(cpBody);
        Hj212CpParser.Content content = Hj212CpParser.content(cp, zone);
        Instant dataTime = content.dataTime();
        boolean dataCommand = Hj212Command.fromCode(cn).map(Hj212Command::carriesData).orElse(false);
        // a later part of a split packet may leave DataTime to the first part
        boolean laterPart = pno != null && pno > 1;
        if (dataCommand && !content.items().isEmpty() && dataTime == null && !laterPart) {
            throw new InputRejectedException(RejectReason.MISSING_DATATIME,
                    "CN " + cn + " carries values but no DataTime");
        }
        return new Hj212Packet(qn, st, cn, pw, mn, flag, pnum, pno, header, cp, dataTime, content.items(), tolerated);
    }

    /** Header fields by key, in order, without ST/CN/PW/MN (kept by {@link #required}). */
    private static Map<String, String> header(String text) throws InputRejectedException {
        Map<String, String> fields = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ';') {
                if (i > start) {
                    String item = text.substring(start, i);
                    int eq = item.indexOf('=');
                    if (eq <= 0) {
                        throw new InputRejectedException(RejectReason.BAD_FRAME,
                                "header item '" + Hj212Text.abbreviate(item) + "' is not key=value");
                    }
                    String key = item.substring(0, eq);
                    if (fields.putIfAbsent(key, item.substring(eq + 1)) != null) {
                        throw new InputRejectedException(RejectReason.BAD_FRAME,
                                "header field " + Hj212Text.abbreviate(key) + " appears twice");
                    }
                }
                start = i + 1;
            }
        }
        return fields;
    }

    private static String required(Map<String, String> header, String key) throws InputRejectedException {
        String v = header.remove(key);
        if (v == null) {
            throw new InputRejectedException(RejectReason.MISSING_HEADER_FIELD, key + " is missing (REFERENCE §6.2)");
        }
        return v;
    }

    private static Hj212Flag flag(String text) throws InputRejectedException {
        if (text == null) {
            return null;
        }
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InputRejectedException(RejectReason.BAD_FLAG_FIELD,
                    "Flag '" + Hj212Text.abbreviate(text) + "' is not a decimal number 0..255");
        }
        int value = Integer.parseInt(text);
        if (value > 0xFF) {
            throw new InputRejectedException(RejectReason.BAD_FLAG_FIELD, "Flag " + value + " is outside 0..255");
        }
        if (Hj212Version.fromVersionBits(value >>> 2).isEmpty()) {
            throw new InputRejectedException(RejectReason.BAD_FLAG_FIELD, "Flag " + value + " has version bits "
                    + (value >>> 2) + "; known are 0 (HJ/T 212-2005), 1 (HJ 212-2017), 2 (HJ 212-2025)");
        }
        return new Hj212Flag(value);
    }

    private static Integer packetNumber(String key, String text) throws InputRejectedException {
        if (text == null) {
            return null;
        }
        if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InputRejectedException(RejectReason.BAD_PACKET_NUMBER,
                    key + " '" + Hj212Text.abbreviate(text) + "' is not a number of 1 to 4 digits");
        }
        int v = Integer.parseInt(text);
        if (v < 1) {
            throw new InputRejectedException(RejectReason.BAD_PACKET_NUMBER, key + " must be at least 1");
        }
        return v;
    }

    /** Upper- or lower-case hex (REFERENCE §6.1: some devices send the CRC in lower case). */
    private static int hexDigit(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        return -1;
    }

    private static String ascii(byte[] wire, int from, int to) {
        StringBuilder b = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            int c = wire[i] & 0xFF;
            b.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
        }
        return b.toString();
    }

    private static InputRejectedException oversize(int length) {
        return new InputRejectedException(RejectReason.OVERSIZE_PAYLOAD,
                length + " bytes; the 4-digit length field allows at most " + MAX_FRAME_BYTES);
    }
}
