package org.ecovalue.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ecovalue.schemas.hj212.Hj212Decoder;
import org.ecovalue.schemas.hj212.Hj212SplitAssembler;
import org.ecovalue.schemas.reject.RejectReason;
import org.junit.jupiter.api.Test;

/** The parts of split HJ 212 packets, one message each, become one packet or one DLQ record. */
class SplitPacketsTest {

    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
    private static final String TOPIC = "ecovalue/v1/QH-S03/hj212";

    private final SplitPackets splits = new SplitPackets(new Hj212SplitAssembler(Duration.ofMinutes(1), 10, 10,
            Hj212Decoder.DEFAULT_ZONE));

    private static RawMessage message(String qn, int pnum, int pno, String cp, Instant at) {
        byte[] bytes = BadInputCorpus.hj212("QN=" + qn + ";ST=21;CN=2011;PW=123456;MN=QH-S03;Flag=6;PNUM=" + pnum
                + ";PNO=" + pno + ";CP=&&" + cp + "&&").getBytes(StandardCharsets.US_ASCII);
        return new RawMessage("mqtt-hj212", TOPIC, "QH-S03", bytes, at.toEpochMilli());
    }

    private List<SplitPackets.Settled> offer(RawMessage m) throws Exception {
        return splits.accept(Hj212Decoder.strict().decode(m.payload()), m);
    }

    @Test
    void theLastPartCompletesThePacketWithTheFactorsOfAllParts() throws Exception {
        RawMessage p2 = message("Q1", 2, 2, "w01018-Rtd=18.5,w01018-Flag=N", T0);
        RawMessage p1 = message("Q1", 2, 1, "DataTime=20261122080000;w21003-Rtd=0.52,w21003-Flag=N", T0.plusSeconds(1));

        assertThat(offer(p2)).isEmpty(); // parts may come in any order
        List<SplitPackets.Settled> settled = offer(p1);

        assertThat(settled).singleElement().isInstanceOfSatisfying(SplitPackets.Joined.class, j -> {
            assertThat(j.parts()).containsExactly(p2, p1);
            assertThat(j.last()).isSameAs(p1);
            // NH3-N from part 1, COD from part 2, in PNO order
            assertThat(j.packet().items().keySet()).containsExactly("w21003", "w01018");
            assertThat(j.packet().items().get("w01018").rtd()).isEqualByComparingTo("18.5");
        });
        assertThat(splits.pending()).isZero();
    }

    @Test
    void partsThatStopComingAreGivenUpAsOneRecordWithAllTheirBytes() throws Exception {
        RawMessage p1 = message("Q2", 3, 1, "DataTime=20261122080000;w21003-Rtd=0.52,w21003-Flag=N", T0);
        RawMessage p3 = message("Q2", 3, 3, "w01018-Rtd=18.5,w01018-Flag=N", T0.plusSeconds(2));
        offer(p1);
        offer(p3);

        assertThat(splits.expire(T0.plusSeconds(59))).isEmpty(); // the timeout (60 s) counts from the first part
        List<SplitPackets.Settled> settled = splits.expire(T0.plusSeconds(60));

        assertThat(settled).singleElement().isInstanceOfSatisfying(SplitPackets.Abandoned.class, a -> {
            assertThat(a.rejection().reason()).isEqualTo(RejectReason.INCOMPLETE_SPLIT);
            assertThat(a.rejection().detail()).contains("2 of 3 parts received");
            byte[] both = new byte[p1.payload().length + p3.payload().length];
            System.arraycopy(p1.payload(), 0, both, 0, p1.payload().length);
            System.arraycopy(p3.payload(), 0, both, p1.payload().length, p3.payload().length);
            assertThat(a.asOne().payload()).isEqualTo(both);
            assertThat(a.asOne().receivedAt()).isEqualTo(T0.toEpochMilli());
        });
        assertThat(splits.pending()).isZero();
    }

    @Test
    void aPartThatContradictsTheOthersIsRefusedAloneAndTheRestStillJoin() throws Exception {
        RawMessage p1 = message("Q3", 2, 1, "DataTime=20261122080000;w21003-Rtd=0.52,w21003-Flag=N", T0);
        RawMessage liar = message("Q3", 5, 2, "w01018-Rtd=99,w01018-Flag=N", T0);
        RawMessage p2 = message("Q3", 2, 2, "w01018-Rtd=18.5,w01018-Flag=N", T0);
        offer(p1);

        assertThat(offer(liar)).singleElement().isInstanceOfSatisfying(SplitPackets.Refused.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(RejectReason.BAD_PACKET_NUMBER));
        assertThat(offer(p2)).singleElement().isInstanceOf(SplitPackets.Joined.class);
    }
}
