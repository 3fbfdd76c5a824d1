package org.ecovalue.schemas.hj212;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;

/**
 * Joins the parts of split packets (Flag bit D, PNUM/PNO; REFERENCE.md §6.2) into one packet.
 * Parts belong together when MN and QN are equal. Memory is bounded: at most
 * {@code maxPendingGroups} unfinished packets of at most {@code maxParts} parts each (a part is at
 * most {@link Hj212Decoder#MAX_FRAME_BYTES}). An unfinished packet is abandoned with
 * {@code incomplete-split} when it is older than the timeout or when room is needed for a newer one.
 *
 * <p>Time is passed in by the caller (event or processing time), so the assembler is
 * deterministic. Not thread-safe: one instance per consumer thread or key.
 */
public final class Hj212SplitAssembler {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_PENDING_GROUPS = 1_000;
    public static final int DEFAULT_MAX_PARTS = 100;

    /**
     * What one {@link #accept} produced: the whole packet if this part completed it, and the
     * unfinished packets given up on meanwhile.
     */
    public record Result(Optional<Hj212Packet> completed, List<Abandoned> abandoned) {
        public Result {
            Objects.requireNonNull(completed, "completed");
            abandoned = List.copyOf(abandoned);
        }
    }

    /** An unfinished (or unjoinable) split packet, with the parts that did arrive and the reason. */
    public record Abandoned(String mn, String qn, List<Hj212Packet> partsReceived, InputRejectedException rejection) {
        public Abandoned {
            Objects.requireNonNull(rejection, "rejection");
            partsReceived = List.copyOf(partsReceived);
        }
    }

    private record Key(String mn, String qn) {
    }

    private static final class Group {
        final int pnum;
        final String cn;
        final Instant firstSeen;
        final TreeMap<Integer, Hj212Packet> parts = new TreeMap<>();

        Group(int pnum, String cn, Instant firstSeen) {
            this.pnum = pnum;
            this.cn = cn;
            this.firstSeen = firstSeen;
        }
    }

    private final Duration timeout;
    private final int maxPendingGroups;
    private final int maxParts;
    private final ZoneId zone;
    /** Insertion order = age order, for expiry and eviction of the oldest. */
    private final LinkedHashMap<Key, Group> pending = new LinkedHashMap<>();

    public Hj212SplitAssembler(Duration timeout, int maxPendingGroups, int maxParts, ZoneId zone) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (maxPendingGroups < 1 || maxParts < 2) {
            throw new IllegalArgumentException("need maxPendingGroups >= 1 and maxParts >= 2");
        }
        this.timeout = timeout;
        this.maxPendingGroups = maxPendingGroups;
        this.maxParts = maxParts;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Defaults above, DataTime in Asia/Shanghai. */
    public Hj212SplitAssembler() {
        this(DEFAULT_TIMEOUT, DEFAULT_MAX_PENDING_GROUPS, DEFAULT_MAX_PARTS, Hj212Decoder.DEFAULT_ZONE);
    }

    /**
     * Offers a decoded packet. A packet that is not split passes through as completed.
     *
     * @throws InputRejectedException for this part alone, before any state changes:
     *     {@code missing-header-field} (no QN to join by), {@code bad-packet-number} (PNUM above the
     *     limit, or disagreeing with earlier parts, or a part resent with other content)
     */
    public Result accept(Hj212Packet packet, Instant now) throws InputRejectedException {
        Objects.requireNonNull(packet, "packet");
        Objects.requireNonNull(now, "now");
        if (!packet.isSplit()) {
            return new Result(Optional.of(packet), expire(now));
        }
        if (packet.qn() == null || packet.qn().isEmpty()) {
            throw new InputRejectedException(RejectReason.MISSING_HEADER_FIELD,
                    "split packet of " + packet.mn() + " has no QN to join its parts by");
        }
        int pnum = packet.pnum();
        if (pnum > maxParts) {
            throw new InputRejectedException(RejectReason.BAD_PACKET_NUMBER,
                    "PNUM " + pnum + " exceeds the limit of " + maxParts + " parts");
        }
        Key key = new Key(packet.mn(), packet.qn());
        Group existing = pending.get(key);
        if (existing != null && !isExpired(existing, now)) {
            if (existing.pnum != pnum || !existing.cn.equals(packet.cn())) {
                throw new InputRejectedException(RejectReason.BAD_PACKET_NUMBER, "part " + packet.pno()
                        + " says PNUM " + pnum + ", CN " + packet.cn() + "; earlier parts said PNUM "
                        + existing.pnum + ", CN " + existing.cn);
            }
            Hj212Packet earlier = existing.parts.get(packet.pno());
            if (earlier != null && !earlier.equals(packet)) {
                throw new InputRejectedException(RejectReason.BAD_PACKET_NUMBER,
                        "part " + packet.pno() + " of " + key.qn() + " was sent twice with different content");
            }
        }
        List<Abandoned> abandoned = expire(now);
        if (pnum == 1) {
            return complete(List.of(packet), key, abandoned);
        }
        Group group = pending.get(key);
        if (group == null) {
            if (pending.size() >= maxPendingGroups) {
                Iterator<Map.Entry<Key, Group>> oldest = pending.entrySet().iterator();
                Map.Entry<Key, Group> e = oldest.next();
                oldest.remove();
                abandoned.add(abandon(e.getKey(), e.getValue(), "evicted to make room: more than "
                        + maxPendingGroups + " split packets pending"));
            }
            group = new Group(pnum, packet.cn(), now);
            pending.put(key, group);
        }
        group.parts.put(packet.pno(), packet);
        if (group.parts.size() < group.pnum) {
            return new Result(Optional.empty(), abandoned);
        }
        pending.remove(key);
        return complete(new ArrayList<>(group.parts.values()), key, abandoned);
    }

    /** Gives up on the unfinished packets older than the timeout. */
    public List<Abandoned> expire(Instant now) {
        List<Abandoned> abandoned = new ArrayList<>();
        Iterator<Map.Entry<Key, Group>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, Group> e = it.next();
            if (isExpired(e.getValue(), now)) {
                it.remove();
                abandoned.add(abandon(e.getKey(), e.getValue(), "timed out after " + timeout));
            }
        }
        return abandoned;
    }

    public int pendingGroups() {
        return pending.size();
    }

    private boolean isExpired(Group g, Instant now) {
        return !now.isBefore(g.firstSeen.plus(timeout));
    }

    private static Abandoned abandon(Key key, Group g, String why) {
        return new Abandoned(key.mn(), key.qn(), List.copyOf(g.parts.values()),
                new InputRejectedException(RejectReason.INCOMPLETE_SPLIT, "split packet MN=" + key.mn() + " QN="
                        + key.qn() + ": " + g.parts.size() + " of " + g.pnum + " parts received, " + why));
    }

    private Result complete(List<Hj212Packet> parts, Key key, List<Abandoned> abandoned) {
        try {
            return new Result(Optional.of(join(parts)), abandoned);
        } catch (InputRejectedException e) {
            abandoned.add(new Abandoned(key.mn(), key.qn(), parts, e));
            return new Result(Optional.empty(), abandoned);
        }
    }

    /**
     * Header from part 1; CP fields of all parts in PNO order. A stand-alone key (DataTime …)
     * repeated with the same value in later parts is kept once; with another value it is {@code bad-cp}.
     */
    private Hj212Packet join(List<Hj212Packet> parts) throws InputRejectedException {
        Hj212Packet first = parts.get(0);
        List<Hj212CpField> cp = new ArrayList<>(first.cp());
        Map<String, String> standalone = new LinkedHashMap<>();
        for (Hj212CpField f : first.cp()) {
            if (isStandalone(f.key())) {
                standalone.putIfAbsent(f.key(), f.value());
            }
        }
        Set<RejectReason> tolerated = EnumSet.noneOf(RejectReason.class);
        tolerated.addAll(first.tolerated());
        for (Hj212Packet part : parts.subList(1, parts.size())) {
            tolerated.addAll(part.tolerated());
            for (Hj212CpField f : part.cp()) {
                if (isStandalone(f.key())) {
                    String before = standalone.putIfAbsent(f.key(), f.value());
                    if (before != null) {
                        if (!before.equals(f.value())) {
                            throw new InputRejectedException(RejectReason.BAD_CP, "parts disagree on "
                                    + Hj212Text.abbreviate(f.key()) + ": '" + Hj212Text.abbreviate(before)
                                    + "' and '" + Hj212Text.abbreviate(f.value()) + "'");
                        }
                        continue;
                    }
                }
                cp.add(f);
            }
        }
        Hj212CpParser.Content content = Hj212CpParser.content(cp, zone);
        boolean dataCommand = first.command().map(Hj212Command::carriesData).orElse(false);
        if (dataCommand && !content.items().isEmpty() && content.dataTime() == null) {
            throw new InputRejectedException(RejectReason.MISSING_DATATIME,
                    "no part of the split CN " + first.cn() + " packet has a DataTime");
        }
        return new Hj212Packet(first.qn(), first.st(), first.cn(), first.pw(), first.mn(), first.flag(), null, null,
                first.otherHeaderFields(), cp, content.dataTime(), content.items(), tolerated);
    }

    private static boolean isStandalone(String key) {
        int dash = key.lastIndexOf('-');
        return dash <= 0 || dash == key.length() - 1;
    }
}
