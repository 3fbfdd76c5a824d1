package org.ecovalue.jobs.compensation;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.util.InstantiationUtil;

/**
 * When a ledger's figures are due, shared by both ledgers ({@link AgreementLedger}, {@link ServiceValueLedger}):
 * FINAL at period end + {@code allowedLatenessMs}, corrections until that + {@code horizonMs}, a
 * PROVISIONAL entry at most every {@code provisionalEveryMs} of event time. Also how they keep their
 * small state objects as bytes (Java serialization of our own records, never Kryo).
 */
record SettlementTerms(long allowedLatenessMs, long horizonMs, long provisionalEveryMs) implements Serializable {

    SettlementTerms {
        if (allowedLatenessMs < 0 || horizonMs < 0 || provisionalEveryMs <= 0) {
            throw new IllegalArgumentException("lateness and horizon are not negative, the provisional interval is positive");
        }
    }

    static SettlementTerms of(Duration allowedLateness, Duration settlementHorizon, Duration provisionalEvery) {
        return new SettlementTerms(allowedLateness.toMillis(), settlementHorizon.toMillis(), provisionalEvery.toMillis());
    }

    static byte[] write(Object state) throws Exception {
        return InstantiationUtil.serializeObject(state);
    }

    static <T> T read(byte[] bytes) throws Exception {
        return InstantiationUtil.deserializeObject(bytes, SettlementTerms.class.getClassLoader());
    }
}
