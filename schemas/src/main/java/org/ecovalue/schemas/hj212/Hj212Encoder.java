package org.ecovalue.schemas.hj212;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.observation.Reading;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.units.UnitConversion;

/**
 * Builds HJ 212 data packets from observations, as a station would send them (used by the device
 * simulator): {@code ##} + length + {@code QN;ST;CN;PW;MN;Flag;CP=&&DataTime;factor-Rtd|Avg,
 * factor-Flag;…&&} + CRC + CRLF, with HJ 212-2017 factor codes and the units of
 * {@link Hj212FactorCodes} (the inverse of
 * {@link Hj212ObservationMapper}). QN is the encoder clock's time; DataTime is the observation's ts
 * in the zone, truncated to the second (DataTime has no finer resolution).
 */
public final class Hj212Encoder {

    /** REFERENCE §6.1: the data segment is 0–1024 characters. */
    public static final int MAX_DATA_SEGMENT = 1024;
    /** MN is at most 24 characters (REFERENCE §6.2). */
    public static final int MAX_MN = 24;

    /** Enough digits for every value a station sends; trailing zeros are dropped. */
    private static final MathContext VALUE_DIGITS = new MathContext(12);

    private final Clock clock;
    private final ZoneId zone;
    private final Hj212Version version;
    private final String systemCode;
    private final String password;
    private final boolean ackRequested;

    /**
     * @param systemCode ST of the simulated station (21 surface water, 22 air …)
     * @param ackRequested sets Flag bit A: the platform is asked to answer with 9014
     */
    public Hj212Encoder(Clock clock, ZoneId zone, Hj212Version version, String systemCode, String password,
            boolean ackRequested) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.version = Objects.requireNonNull(version, "version");
        if (version == Hj212Version.HJT_212_2005) {
            throw new IllegalArgumentException("the encoder writes HJ 212-2017 or HJ 212-2025 packets, not 2005");
        }
        this.systemCode = Objects.requireNonNull(systemCode, "systemCode");
        if (systemCode.isEmpty() || !systemCode.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("ST must be digits, got '" + systemCode + "'");
        }
        this.password = checkField("PW", password);
        this.ackRequested = ackRequested;
    }

    /** Whether a reading of this canonical parameter has an HJ 212-2017 factor code. */
    public static boolean canEncode(String param) {
        return Parameter.fromCode(param).flatMap(Hj212FactorCodes::forParameter).isPresent();
    }

    /**
     * The packet, CRLF-terminated.
     *
     * @param command one of the data commands (2011 → Rtd, 2051/2061/2031 → Avg)
     * @throws IllegalArgumentException for a non-data command, an MN that is not a valid device id,
     *     a reading without a factor code ({@link #canEncode}), a parameter twice, or a packet over 1024
     */
    public String encode(Observation observation, Hj212Command command) {
        Objects.requireNonNull(observation, "observation");
        String suffix = command.valueSuffix().orElseThrow(() ->
                new IllegalArgumentException("CN " + command.code() + " (" + command.meaning() + ") carries no data"));
        String mn = checkField("MN", observation.station());
        if (mn.isEmpty() || mn.length() > MAX_MN) {
            throw new IllegalArgumentException("MN must be 1.." + MAX_MN + " characters: '" + mn + "'");
        }
        StringBuilder seg = new StringBuilder(256);
        seg.append("QN=").append(Hj212Time.formatQn(clock.instant(), zone))
                .append(";ST=").append(systemCode)
                .append(";CN=").append(command.code())
                .append(";PW=").append(password)
                .append(";MN=").append(mn)
                .append(";Flag=").append(Hj212Flag.of(version, ackRequested, false).value())
                .append(";CP=&&DataTime=").append(Hj212Time.formatDataTime(observation.ts(), zone));
        Set<Parameter> seen = new HashSet<>();
        for (Reading r : observation.readings()) {
            Parameter p = Parameter.fromCode(r.param()).orElseThrow(() ->
                    new IllegalArgumentException("unknown parameter '" + r.param() + "'"));
            Hj212Factor factor = Hj212FactorCodes.forParameter(p).orElseThrow(() ->
                    new IllegalArgumentException("no HJ 212 factor code for " + p.code()));
            if (!factor.appliesTo(systemCode)) {
                throw new IllegalArgumentException(p.code() + " is an ambient parameter; ST " + systemCode
                        + " is a flue-gas source");
            }
            if (!seen.add(p)) {
                throw new IllegalArgumentException(p.code() + " appears twice in the observation");
            }
            seg.append(';').append(factor.code()).append('-').append(suffix).append('=')
                    .append(format(p, r, factor.unit()))
                    .append(',').append(factor.code()).append("-Flag=").append(r.flag().name());
        }
        seg.append("&&");
        return frame(seg.toString());
    }

    /**
     * Frames a data segment: {@code ##}, the 4-digit byte length, the segment, its HJ 212 CRC in
     * upper-case hex, CRLF (REFERENCE §6.1, §6.6). Also for building command and ack packets.
     */
    public static String frame(String dataSegment) {
        byte[] bytes = dataSegment.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_DATA_SEGMENT) {
            throw new IllegalArgumentException("data segment of " + bytes.length + " bytes exceeds "
                    + MAX_DATA_SEGMENT + "; send fewer readings per packet");
        }
        return String.format(Locale.ROOT, "##%04d", bytes.length) + dataSegment
                + Hj212Crc.format(Hj212Crc.compute(bytes, 0, bytes.length)) + "\r\n";
    }

    /**
     * The reading (converted to canonical first) in the factor's HJ 212 unit. Every unit of the factor table converts to
     * the canonical one by a pure scale (L/s → m3/s, kPa → hPa, mg/m3 → µg/m3), so dividing by
     * the canonical value of 1 unit inverts it; decimal arithmetic keeps 35.2 m3/s as 35200 L/s.
     */
    private static String format(Parameter p, Reading r, String unit) {
        if (!Double.isFinite(r.value())) {
            throw new IllegalArgumentException(p.code() + " value " + r.value() + " is not finite");
        }
        double canonical;
        try {
            canonical = UnitConversion.toCanonical(p, r.value(), r.unit());
        } catch (InputRejectedException e) {
            throw new IllegalArgumentException(p.code() + ": " + e.detail(), e);
        }
        double scale;
        try {
            scale = UnitConversion.toCanonical(p, 1.0, unit);
        } catch (InputRejectedException e) {
            throw new IllegalStateException("factor table unit '" + unit + "' of " + p.code() + ": " + e.detail(), e);
        }
        BigDecimal v = BigDecimal.valueOf(canonical).divide(BigDecimal.valueOf(scale), VALUE_DIGITS);
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    private static String checkField(String name, String value) {
        Objects.requireNonNull(value, name);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ';' || c == ',' || c == '=' || c == '&' || c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException(name + " '" + value + "' must be printable ASCII without ; , = &");
            }
        }
        return value;
    }
}
