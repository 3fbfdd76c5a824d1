package org.ecovalue.schemas.hj212;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The acceptance criterion of the issue: the 46 valid packets of testdata/hj212 decode, the 14
 * invalid ones are refused for the reason their {@code len_ok}/{@code crc_ok} columns give.
 */
class Hj212AcceptanceTest {

    private static final Hj212Decoder STRICT = Hj212Decoder.strict();

    static List<Hj212TestData.Row> valid() {
        return Hj212TestData.valid();
    }

    static List<Hj212TestData.Row> invalid() {
        return Hj212TestData.invalid();
    }

    @Test
    void theTestdataHas46ValidAnd14InvalidPackets() {
        assertThat(valid()).hasSize(46);
        assertThat(invalid()).hasSize(14);
        assertThat(valid()).allMatch(r -> r.lengthOk() && r.crcOk());
        assertThat(invalid()).noneMatch(r -> r.lengthOk() && r.crcOk());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void everyValidPacketDecodesStrictlyWithTheStAndCnOfItsRow(Hj212TestData.Row row) throws Exception {
        Hj212Packet p = STRICT.decode(row.packet());
        assertThat(p.st()).isEqualTo(row.st());
        assertThat(p.cn()).isEqualTo(row.cn());
        assertThat(p.command()).as("CN %s is in the known table", row.cn()).isPresent();
        assertThat(p.tolerated()).isEmpty();
        assertThat(STRICT.decode(row.packet() + "\r\n")).as("with the wire CRLF").isEqualTo(p);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void everyValidPacketYieldsTheFactorsListedInItsRow(Hj212TestData.Row row) throws Exception {
        Set<String> decoded = STRICT.decode(row.packet()).items().values().stream()
                // the column lists the factors that carry a value (Rtd, Avg, Min, Max, Cou, Zs…), not
                // those with only a flag or vendor fields (V28 "LA-td", V36 "100000-Ia")
                .filter(i -> i.rtd() != null || i.avg() != null || i.min() != null || i.max() != null
                        || i.cou() != null || i.otherFields().keySet().stream().anyMatch(s -> s.startsWith("Zs")))
                .map(Hj212DataItem::factor)
                .collect(Collectors.toSet());
        // the column was made with a simpler split, so V14's "Nh3-scr-Rtd" is listed there as "scr":
        // a listed code matches a decoded factor that equals it or ends with "-" + it
        for (String listed : row.factors()) {
            assertThat(decoded).as("factor %s of %s", listed, row.id())
                    .anyMatch(f -> f.equals(listed) || f.endsWith("-" + listed));
        }
        assertThat(decoded).hasSameSizeAs(row.factors());
    }

    @Test
    void theWireFormFileHoldsTheSamePacketsEachWithCrlf() throws Exception {
        List<byte[]> wire = Hj212TestData.validWireForm();
        List<Hj212TestData.Row> rows = valid();
        assertThat(wire).hasSameSizeAs(rows);
        for (int i = 0; i < wire.size(); i++) {
            assertThat(new String(wire.get(i), US_ASCII)).isEqualTo(rows.get(i).packet() + "\r\n");
            assertThat(STRICT.decode(wire.get(i))).isEqualTo(STRICT.decode(rows.get(i).packet()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void everyInvalidPacketIsRefusedForTheReasonItsColumnsGive(Hj212TestData.Row row) {
        // decided in Hj212Decoder: a wrong length wins over a wrong CRC
        RejectReason expected = !row.lengthOk() ? RejectReason.BAD_LENGTH
                : isByteSwap(row) ? RejectReason.BYTE_SWAPPED_CRC
                : RejectReason.BAD_CRC;
        InputRejectedException e = catchThrowableOfType(() -> STRICT.decode(row.packet()), InputRejectedException.class);
        assertThat(e).as("%s must be refused", row.id()).isNotNull();
        assertThat(e.reason()).as(e.detail()).isEqualTo(expected);
        if (expected == RejectReason.BAD_CRC) {
            assertThat(e.detail()).contains("computed " + row.crcComputed().toUpperCase(Locale.ROOT));
        }
        assertThatThrownBy(() -> Hj212Decoder.tolerant().decode(row.packet()))
                .as("tolerance covers byte swaps only").isInstanceOf(InputRejectedException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void withTheLengthFieldCorrectedTheCrcColumnDecides(Hj212TestData.Row row) throws Exception {
        String fixed = withCorrectLength(row.packet());
        if (row.crcOk()) {
            // X06: only the length was wrong
            assertThat(STRICT.decode(fixed).cn()).isEqualTo(row.cn());
        } else {
            InputRejectedException e = catchThrowableOfType(() -> STRICT.decode(fixed), InputRejectedException.class);
            assertThat(e.reason()).isIn(RejectReason.BAD_CRC, RejectReason.BYTE_SWAPPED_CRC);
            assertThat(e.detail()).contains(row.crcComputed().toUpperCase(Locale.ROOT));
        }
    }

    private static boolean isByteSwap(Hj212TestData.Row row) {
        return Hj212Crc.isByteSwapOf(Integer.parseInt(row.crcField(), 16), Integer.parseInt(row.crcComputed(), 16));
    }

    private static final Pattern FRAME = Pattern.compile("##\\d{4}(.*)(.{4})", Pattern.DOTALL);

    private static String withCorrectLength(String packet) {
        var m = FRAME.matcher(packet);
        assertThat(m.matches()).isTrue();
        return String.format(Locale.ROOT, "##%04d", m.group(1).getBytes(US_ASCII).length) + m.group(1) + m.group(2);
    }
}
