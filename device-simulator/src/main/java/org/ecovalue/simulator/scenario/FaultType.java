package org.ecovalue.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a fault does to a station's readings or their delivery; {@link #code()} is the scenario spelling. */
public enum FaultType {
    /** values creep away from the truth by {@code magnitude} (fraction) per day; flags stay N, as with a fouled sensor */
    DRIFT("drift", true),
    /** the value of the fault's first reading repeats: a stuck analyser */
    FLAT_LINE("flat-line", true),
    /** values multiplied by {@code magnitude} (default 10): a bubble or an electrical glitch */
    SPIKE("spike", true),
    /** nothing is sent */
    DROPOUT("dropout", false),
    /** readings flagged M (HJ 212 maintenance) */
    MAINTENANCE("maintenance", true),
    /** readings flagged C (HJ 212 calibration) */
    CALIBRATION("calibration", true),
    /** the station's clock is off by {@code magnitude} seconds (default +600) */
    CLOCK_SKEW("clock-skew", false),
    /** sent {@code magnitude} seconds of simulated time later (default three intervals) */
    LATE("late", false),
    /** each message is held back until the station's next one has been sent */
    OUT_OF_ORDER("out-of-order", false),
    /** each message sent twice, as a QoS 1 redelivery after a lost PUBACK */
    DUPLICATE("duplicate", false),
    /** the payload is cut in half: not JSON, not an HJ 212 packet */
    MALFORMED("malformed", false),
    /** an HJ 212 packet whose CRC does not match its data segment */
    BAD_CRC("bad-crc", false),
    /** the payload names station {@code claims} while the topic names the station itself */
    CLAIMS_ID("claims-id", false),
    /** the simulator's broker connection drops; the stations' loggers keep what they measure and send it on reconnect */
    BROKER_DISCONNECT("broker-disconnect", false),
    /** the OPC UA server stops and comes back; values measured meanwhile are not served */
    OPCUA_RESTART("opcua-restart", false);

    private final String code;
    private final boolean changesValues;

    FaultType(String code, boolean changesValues) {
        this.code = code;
        this.changesValues = changesValues;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** Whether the readings themselves differ from the clean signal (as opposed to their delivery). */
    public boolean changesValues() {
        return changesValues;
    }

    /** Faults of the whole simulator rather than of some stations. */
    public boolean global() {
        return this == BROKER_DISCONNECT || this == OPCUA_RESTART;
    }

    @JsonCreator
    public static FaultType ofCode(String code) {
        for (FaultType t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown fault type '" + code + "' (" + Arrays.stream(values())
                .map(FaultType::code).collect(Collectors.joining("|")) + ")");
    }
}
