package org.ecovalue.schemas.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.ecovalue.schemas.hj212.Hj212DecoderTest.frame;

import java.time.Duration;
import java.time.Instant;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;
import org.junit.jupiter.api.Test;

class Hj212SplitAssemblerTest {

    private static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");
    private final Hj212Decoder decoder = Hj212Decoder.strict();
    private final Hj212SplitAssembler assembler =
            new Hj212SplitAssembler(Duration.ofSeconds(30), 2, 10, Hj212Decoder.DEFAULT_ZONE);

    /** Part {@code pno} of {@code pnum} of station {@code mn}, request {@code qn}, one factor per part. */
    private Hj212Packet part(String mn, String qn, int pno, int pnum, String factorField) throws InputRejectedException {
        return decoder.decode(frame("QN=" + qn + ";ST=21;CN=2061;PW=123456;MN=" + mn + ";Flag=7;PNUM=" + pnum + ";PNO=" + pno
                + ";CP=&&DataTime=20250601080000;" + factorField + "&&"));
    }

    @Test
    void twoPartsArrivingInReverseOrderJoinIntoOnePacketWithAllFactors() throws Exception {
        Hj212SplitAssembler.Result first = assembler.accept(part("SW1", "20250601090000000", 2, 2, "w21003-Avg=0.412"), T0);
        assertThat(first.completed()).isEmpty();
        assertThat(assembler.pendingGroups()).isEqualTo(1);
        Hj212SplitAssembler.Result second = assembler.accept(part("SW1", "20250601090000000", 1, 2, "w01001-Avg=7.62"),
                T0.plusSeconds(1));
        Hj212Packet joined = second.completed().orElseThrow();
        assertThat(joined.isSplit()).isFalse();
        assertThat(joined.items().keySet()).containsExactly("w01001", "w21003");
        // DataTime sent in both parts with the same value is kept once
        assertThat(joined.cp()).filteredOn(f -> f.key().equals("DataTime")).hasSize(1);
        assertThat(joined.toObservation().observation().readings()).hasSize(2);
        assertThat(assembler.pendingGroups()).isZero();
        assertThat(second.abandoned()).isEmpty();
    }

    @Test
    void aPacketThatIsNotSplitPassesThrough() throws Exception {
        Hj212Packet whole = decoder.decode(Hj212DecoderTest.SURFACE_WATER_HOURLY);
        assertThat(assembler.accept(whole, T0).completed()).contains(whole);
    }

    @Test
    void anUnfinishedPacketTimesOutAsIncompleteSplitWithThePartsThatArrived() throws Exception {
        assembler.accept(part("SW1", "Q1", 1, 3, "w01001-Avg=7.62"), T0);
        assertThat(assembler.expire(T0.plusSeconds(29))).isEmpty();
        var abandoned = assembler.expire(T0.plusSeconds(30));
        assertThat(abandoned).singleElement().satisfies(a -> {
            assertThat(a.rejection().reason()).isEqualTo(RejectReason.INCOMPLETE_SPLIT);
            assertThat(a.rejection().detail()).contains("1 of 3 parts");
            assertThat(a.mn()).isEqualTo("SW1");
            assertThat(a.partsReceived()).hasSize(1);
        });
        assertThat(assembler.pendingGroups()).isZero();
    }

    @Test
    void whenFullTheOldestUnfinishedPacketIsEvictedSoMemoryStaysBounded() throws Exception {
        assembler.accept(part("A", "Q1", 1, 2, "w01001-Avg=7"), T0);
        assembler.accept(part("B", "Q1", 1, 2, "w01001-Avg=7"), T0.plusSeconds(1));
        Hj212SplitAssembler.Result third = assembler.accept(part("C", "Q1", 1, 2, "w01001-Avg=7"), T0.plusSeconds(2));
        assertThat(third.abandoned()).singleElement().satisfies(a -> {
            assertThat(a.mn()).isEqualTo("A");
            assertThat(a.rejection().reason()).isEqualTo(RejectReason.INCOMPLETE_SPLIT);
            assertThat(a.rejection().detail()).contains("evicted");
        });
        assertThat(assembler.pendingGroups()).isEqualTo(2);
    }

    @Test
    void aPartWhosePnumContradictsEarlierPartsIsRefusedWithoutLosingTheOthers() throws Exception {
        assembler.accept(part("SW1", "Q1", 1, 3, "w01001-Avg=7"), T0);
        InputRejectedException e = catchThrowableOfType(
                () -> assembler.accept(part("SW1", "Q1", 2, 4, "w21003-Avg=0.4"), T0), InputRejectedException.class);
        assertThat(e.reason()).isEqualTo(RejectReason.BAD_PACKET_NUMBER);
        assertThat(assembler.pendingGroups()).isEqualTo(1);
    }

    @Test
    void partsThatDisagreeOnDataTimeCannotBeJoined() throws Exception {
        assembler.accept(part("SW1", "Q1", 1, 2, "w01001-Avg=7"), T0);
        Hj212Packet other = decoder.decode(frame("QN=Q1;ST=21;CN=2061;PW=123456;MN=SW1;Flag=7;PNUM=2;PNO=2;"
                + "CP=&&DataTime=20250601090000;w21003-Avg=0.4&&"));
        Hj212SplitAssembler.Result r = assembler.accept(other, T0);
        assertThat(r.completed()).isEmpty();
        assertThat(r.abandoned()).singleElement()
                .satisfies(a -> assertThat(a.rejection().reason()).isEqualTo(RejectReason.BAD_CP));
    }

    @Test
    void aSplitPartWithoutQnCannotBeJoined() throws Exception {
        Hj212Packet noQn = decoder.decode(frame("ST=21;CN=2061;PW=1;MN=SW1;Flag=7;PNUM=2;PNO=1;CP=&&DataTime=20250601080000;w01001-Avg=7&&"));
        assertThat(catchThrowableOfType(() -> assembler.accept(noQn, T0), InputRejectedException.class).reason())
                .isEqualTo(RejectReason.MISSING_HEADER_FIELD);
    }
}
