package org.ecovalue.schemas.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.ecovalue.schemas.observation.Source;

/** How a station delivers its readings; the codes are those of {@link Source} on {@code eco.observations}. */
public enum StationProtocol {
    MQTT_JSON(Source.MQTT_JSON),
    MQTT_HJ212(Source.MQTT_HJ212),
    OPCUA(Source.OPCUA);

    private final Source source;

    StationProtocol(Source source) {
        this.source = source;
    }

    @JsonValue
    public String code() {
        return source.wire();
    }

    /** The {@code source} that this station's observations carry on {@code eco.observations}. */
    public Source source() {
        return source;
    }

    @JsonCreator
    public static StationProtocol ofCode(String code) {
        for (StationProtocol p : values()) {
            if (p.code().equals(code)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown protocol '" + code + "' ("
                + Arrays.stream(values()).map(StationProtocol::code).collect(Collectors.joining("|")) + ")");
    }
}
