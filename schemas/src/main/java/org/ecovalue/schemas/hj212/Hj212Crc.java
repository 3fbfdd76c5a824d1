package org.ecovalue.schemas.hj212;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * The CRC16 of HJ 212 (REFERENCE.md §6.6): a non-standard variant with the reflected polynomial
 * 0xA001 and init 0xFFFF, where each byte is XORed into the register <em>after</em> it has been
 * shifted right by 8 ({@code crc = (crc >>> 8) ^ b}). It is not CRC-16/MODBUS ({@code crc ^= b}):
 * "123456789" gives 0x2F80 here and 0x4B37 under MODBUS. The CRC covers the data segment only
 * (from {@code QN=}… to the closing {@code &&}) and is sent as 4 hex digits, high byte first,
 * without byte swap or final XOR.
 */
public final class Hj212Crc {

    private Hj212Crc() {
    }

    /** CRC of {@code data[from, to)}. */
    public static int compute(byte[] data, int from, int to) {
        Objects.checkFromToIndex(from, to, data.length);
        int crc = 0xFFFF;
        for (int i = from; i < to; i++) {
            crc = (crc >>> 8) ^ (data[i] & 0xFF);
            for (int bit = 0; bit < 8; bit++) {
                boolean lsb = (crc & 1) != 0;
                crc >>>= 1;
                if (lsb) {
                    crc ^= 0xA001;
                }
            }
        }
        return crc & 0xFFFF;
    }

    /** CRC of a data segment given as text (encoded as UTF-8; HJ 212 segments are ASCII). */
    public static int compute(String dataSegment) {
        byte[] bytes = dataSegment.getBytes(StandardCharsets.UTF_8);
        return compute(bytes, 0, bytes.length);
    }

    /** The wire form: 4 upper-case hex digits. */
    public static String format(int crc) {
        return String.format(Locale.ROOT, "%04X", crc & 0xFFFF);
    }

    /** The same 16 bits with high and low byte exchanged (0x3740 → 0x4037). */
    public static int byteSwap(int crc) {
        return ((crc & 0xFF) << 8) | ((crc >>> 8) & 0xFF);
    }

    /**
     * Whether {@code sent} is the byte-swapped form of {@code computed} and not simply equal to it:
     * some vendors emit the low byte first (REFERENCE.md §6.6, {@code …NOIS=N&&4037} for 3740).
     */
    public static boolean isByteSwapOf(int sent, int computed) {
        return sent != computed && sent == byteSwap(computed);
    }
}
