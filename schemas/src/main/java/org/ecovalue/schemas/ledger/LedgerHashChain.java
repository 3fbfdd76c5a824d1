package org.ecovalue.schemas.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecovalue.schemas.json.Json;

/**
 * The SHA-256 hash chain of each agreement's FINAL and CORRECTION entries (DESIGN.md), so that
 * anyone can check that no settled figure was altered:
 * <pre>
 *   hash = lower-hex( SHA-256( UTF-8( canonical JSON of the entry without "hash" ) ‖ UTF-8( prevHash ) ) )
 * </pre>
 * {@code prevHash} is the hash of the agreement's previous chained entry, or {@link #GENESIS} (64
 * zeros) for its first. The canonical JSON is that of {@link CanonicalJson}, applied to the entry as
 * it travels on {@code eco.compensation} (so it includes {@code prevHash}). Chains are per
 * agreement: entries of different agreements may interleave on the topic.
 */
public final class LedgerHashChain {

    /** The prevHash of an agreement's first chained entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final Set<String> NOT_HASHED = Set.of("hash");

    private LedgerHashChain() {
    }

    /** The canonical JSON that {@link #hash} covers (the entry's wire JSON, canonical, without {@code hash}). */
    public static String canonicalJson(LedgerEntry entry) {
        try {
            return CanonicalJson.of(Json.mapper().writeValueAsBytes(entry), NOT_HASHED);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize ledger entry " + entry.key(), e);
        }
    }

    /** The hash the entry must carry, given its {@code prevHash}. */
    public static String hash(LedgerEntry entry) {
        if (entry.prevHash() == null) {
            throw new IllegalArgumentException("entry " + entry.key() + " has no prevHash; seal it first");
        }
        return sha256Hex(canonicalJson(entry) + entry.prevHash());
    }

    /** The entry sealed after {@code prevHash}: its prevHash set and its hash computed. */
    public static LedgerEntry seal(LedgerEntry entry, String prevHash) {
        if (!entry.status().isChained()) {
            throw new IllegalArgumentException("a PROVISIONAL entry is not chained: " + entry.key());
        }
        LedgerEntry linked = entry.withChain(prevHash, null);
        return linked.withChain(prevHash, hash(linked));
    }

    /**
     * Checks entries as read from {@code eco.compensation}, in topic order, any agreements mixed:
     * every FINAL/CORRECTION entry links to its agreement's previous one and carries the hash of its
     * own content; per period, a FINAL with revision 0 comes first and CORRECTIONs count up from 1.
     * PROVISIONAL entries are skipped. Stops at the first break.
     */
    public static ChainVerification verify(List<LedgerEntry> entries) {
        Map<String, String> lastHash = new HashMap<>();
        Map<String, Integer> lastRevision = new HashMap<>();
        int chained = 0;
        for (int i = 0; i < entries.size(); i++) {
            LedgerEntry e = entries.get(i);
            if (!e.status().isChained()) {
                continue;
            }
            chained++;
            String problem = problemOf(e, lastHash.getOrDefault(e.agreementId(), GENESIS), lastRevision.get(e.key()));
            if (problem != null) {
                return new ChainVerification(chained, new ChainBreak(i, e.agreementId(), e.period(), e.revision(), problem));
            }
            lastHash.put(e.agreementId(), e.hash());
            lastRevision.put(e.key(), e.revision());
        }
        return new ChainVerification(chained, null);
    }

    private static String problemOf(LedgerEntry e, String expectedPrev, Integer previousRevision) {
        if (!e.isSealed()) {
            return "a " + e.status() + " entry without a hash";
        }
        if (!e.prevHash().equals(expectedPrev)) {
            return "prevHash " + e.prevHash() + " does not link to the previous chained entry of agreement "
                    + e.agreementId() + " (" + (GENESIS.equals(expectedPrev) ? "genesis " : "") + expectedPrev + ")";
        }
        String computed = hash(e);
        if (!computed.equals(e.hash())) {
            return "hash " + e.hash() + " does not match the entry's content (computed " + computed + ")";
        }
        if (previousRevision == null && e.status() != LedgerStatus.FINAL) {
            return "a CORRECTION of period " + e.period() + " before its FINAL entry";
        }
        if (previousRevision != null && e.status() == LedgerStatus.FINAL) {
            return "a second FINAL entry for period " + e.period();
        }
        if (previousRevision != null && e.revision() != previousRevision + 1) {
            return "revision " + e.revision() + " follows revision " + previousRevision + " of period " + e.period();
        }
        return null;
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
