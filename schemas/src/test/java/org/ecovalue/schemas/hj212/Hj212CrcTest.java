package org.ecovalue.schemas.hj212;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Hj212CrcTest {

    @Test
    void theCheckStringGives2F80NotTheModbusValue4B37() {
        // REFERENCE §6.6: "123456789" → 0x2F80; CRC-16/MODBUS would give 0x4B37
        assertThat(Hj212Crc.compute("123456789")).isEqualTo(0x2F80).isNotEqualTo(0x4B37);
    }

    @Test
    void theAppendixAExampleSegmentGives1C80() {
        // REFERENCE §6.7 packet #1, the official Appendix-A example: CRC over QN=…&& only
        String segment = "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&";
        assertThat(segment).hasSize(101);
        assertThat(Hj212Crc.format(Hj212Crc.compute(segment))).isEqualTo("1C80");
    }

    @Test
    void byteRangeOverloadCoversOnlyTheDataSegment() {
        byte[] frame = "##0087QN=20160801085000001;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&C241"
                .getBytes(US_ASCII);
        // REFERENCE §6.7 packet #3 (data ack): bytes 6..93 are the 87-byte segment, CRC C241
        assertThat(Hj212Crc.compute(frame, 6, frame.length - 4)).isEqualTo(0xC241);
    }

    @Test
    void aByteSwappedCrcIsRecognisedAsSuch() {
        // REFERENCE §6.6: a vendor sends 4037 where the CRC is 3740
        assertThat(Hj212Crc.byteSwap(0x3740)).isEqualTo(0x4037);
        assertThat(Hj212Crc.isByteSwapOf(0x4037, 0x3740)).isTrue();
        assertThat(Hj212Crc.isByteSwapOf(0x3740, 0x3740)).as("equal is not swapped").isFalse();
        assertThat(Hj212Crc.isByteSwapOf(0x4040, 0x4040)).as("a palindrome swaps to itself").isFalse();
        assertThat(Hj212Crc.isByteSwapOf(0x4981, 0x4980)).as("off by one bit is just wrong").isFalse();
    }

    @Test
    void theWireFormIsFourUpperCaseHexDigits() {
        assertThat(Hj212Crc.format(0xc0c1)).isEqualTo("C0C1");
        assertThat(Hj212Crc.format(0x00AB)).isEqualTo("00AB");
    }
}
