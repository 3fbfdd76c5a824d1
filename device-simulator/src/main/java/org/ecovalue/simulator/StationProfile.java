package org.ecovalue.simulator;

import java.util.List;
import java.util.Objects;
import org.ecovalue.schemas.standards.water.WaterBody;

/** A simulated water station: its id (HJ 212 MN), display name, water body and parameters. */
public record StationProfile(String id, String name, WaterBody waterBody, List<ParameterProfile> parameters) {

    public StationProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(waterBody, "waterBody");
        parameters = List.copyOf(parameters);
    }

    /** The MQTT topic this station publishes its JSON observations on. */
    public String observationTopic() {
        return "ecovalue/v1/" + id + "/obs";
    }
}
