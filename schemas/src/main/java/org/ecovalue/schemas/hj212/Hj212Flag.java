package org.ecovalue.schemas.hj212;

/**
 * The {@code Flag} header field: bits {@code V5 V4 V3 V2 V1 V0 D A} (REFERENCE.md §6.2).
 * A (bit 0) asks the receiver for an acknowledgement; D (bit 1) announces a split packet that
 * carries PNUM/PNO; V (bits 2–7) is the version of the standard.
 *
 * @param value the decimal value of the field, 0..255, with known version bits
 */
public record Hj212Flag(int value) {

    private static final int ACK_BIT = 0x01;
    private static final int SPLIT_BIT = 0x02;

    public Hj212Flag {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("Flag " + value + " is outside 0..255");
        }
        if (Hj212Version.fromVersionBits(value >>> 2).isEmpty()) {
            throw new IllegalArgumentException("Flag " + value + " has version bits " + (value >>> 2)
                    + ", known are 0 (2005), 1 (2017), 2 (2025)");
        }
    }

    public static Hj212Flag of(Hj212Version version, boolean ackRequested, boolean split) {
        return new Hj212Flag((version.versionBits() << 2) | (split ? SPLIT_BIT : 0) | (ackRequested ? ACK_BIT : 0));
    }

    public Hj212Version version() {
        return Hj212Version.fromVersionBits(value >>> 2).orElseThrow();
    }

    /** Bit A: the sender wants a 9011/9014 answer. */
    public boolean ackRequested() {
        return (value & ACK_BIT) != 0;
    }

    /** Bit D: the packet says it is one part of a split packet. */
    public boolean splitBit() {
        return (value & SPLIT_BIT) != 0;
    }
}
