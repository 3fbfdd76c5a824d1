package org.ecovalue.schemas.observation;

/** Where an observation entered the system (the {@code source} field of {@code eco.observations}). */
public enum Source {
    MQTT_JSON("mqtt-json"),
    MQTT_HJ212("mqtt-hj212"),
    OPCUA("opcua");

    private final String wire;

    Source(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
