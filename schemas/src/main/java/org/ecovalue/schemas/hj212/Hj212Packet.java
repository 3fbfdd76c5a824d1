package org.ecovalue.schemas.hj212;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;

/**
 * One decoded HJ 212 packet whose frame, length and CRC checked (REFERENCE.md §6.1–6.4).
 *
 * @param qn        request number, or null (HJ/T 212-2005 devices often omit it)
 * @param st        system code (21 surface water, 22 air, 32 water pollution source, 91 interaction …)
 * @param cn        command code as sent; {@link #command()} looks it up
 * @param pw        access password; {@link #toString()} masks it
 * @param mn        device id, the station id of the observation; may be empty in real packets
 * @param flag      the Flag field, or null when the packet has none (read as HJ/T 212-2005)
 * @param pnum      total number of parts of a split packet, or null
 * @param pno       number of this part (1-based), or null; set together with {@code pnum}
 * @param otherHeaderFields header keys outside the standard ones, in order (vendor fields such as {@code AL=})
 * @param cp        every CP field in the order sent, duplicates kept
 * @param dataTime  {@code DataTime} read in the decoder's zone, or null
 * @param items     per-factor fields, by factor code in order of first appearance
 * @param tolerated deviations a tolerant decoder let through (e.g. {@link RejectReason#BYTE_SWAPPED_CRC})
 */
public record Hj212Packet(
        String qn,
        String st,
        String cn,
        String pw,
        String mn,
        Hj212Flag flag,
        Integer pnum,
        Integer pno,
        Map<String, String> otherHeaderFields,
        List<Hj212CpField> cp,
        Instant dataTime,
        Map<String, Hj212DataItem> items,
        Set<RejectReason> tolerated) {

    public Hj212Packet {
        Objects.requireNonNull(st, "st");
        Objects.requireNonNull(cn, "cn");
        Objects.requireNonNull(pw, "pw");
        Objects.requireNonNull(mn, "mn");
        if ((pnum == null) != (pno == null)) {
            throw new IllegalArgumentException("PNUM and PNO come together: PNUM=" + pnum + ", PNO=" + pno);
        }
        if (pnum != null && (pno < 1 || pnum < 1 || pno > pnum)) {
            throw new IllegalArgumentException("need 1 <= PNO <= PNUM, got PNO=" + pno + ", PNUM=" + pnum);
        }
        otherHeaderFields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(otherHeaderFields, "otherHeaderFields")));
        cp = List.copyOf(Objects.requireNonNull(cp, "cp"));
        items = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(items, "items")));
        tolerated = Set.copyOf(Objects.requireNonNull(tolerated, "tolerated"));
    }

    /** From the Flag version bits; HJ/T 212-2005 when the packet has no Flag. */
    public Hj212Version version() {
        return flag == null ? Hj212Version.HJT_212_2005 : flag.version();
    }

    /** The CN looked up in the known table; empty only for packets a tolerant decoder let through. */
    public Optional<Hj212Command> command() {
        return Hj212Command.fromCode(cn);
    }

    /** One part of a split packet (PNUM/PNO present); join the parts with {@link Hj212SplitAssembler}. */
    public boolean isSplit() {
        return pnum != null;
    }

    /**
     * A data command (2011, 2051, 2061, 2031) that carries factor values. The same CNs without
     * values are requests from the platform ({@code CP=&&&&}, or {@code BeginTime}/{@code EndTime}).
     */
    public boolean isDataUpload() {
        return command().map(Hj212Command::carriesData).orElse(false) && !items.isEmpty();
    }

    /** The first CP field with this key. */
    public Optional<String> cpValue(String key) {
        for (Hj212CpField f : cp) {
            if (f.key().equals(key)) {
                return Optional.of(f.value());
            }
        }
        return Optional.empty();
    }

    /** The observation this data packet carries; see {@link Hj212ObservationMapper}. */
    public Hj212Observation toObservation() throws InputRejectedException {
        return Hj212ObservationMapper.map(this);
    }

    @Override
    public String toString() {
        return "Hj212Packet[qn=" + qn + ", st=" + st + ", cn=" + cn + ", pw=******, mn=" + mn + ", flag="
                + (flag == null ? null : flag.value()) + ", pnum=" + pnum + ", pno=" + pno
                + ", otherHeaderFields=" + otherHeaderFields + ", cp=" + cp + ", dataTime=" + dataTime
                + ", items=" + items + ", tolerated=" + tolerated + "]";
    }
}
