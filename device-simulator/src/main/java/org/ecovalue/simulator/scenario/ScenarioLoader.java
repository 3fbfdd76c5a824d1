package org.ecovalue.simulator.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecovalue.schemas.hj212.Hj212Encoder;
import org.ecovalue.schemas.registry.InvalidRegistryException;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.RegistryLoader;
import org.ecovalue.schemas.registry.Station;
import org.ecovalue.schemas.registry.StationProtocol;
import org.ecovalue.simulator.signal.StationParameters;

/**
 * Reads a scenario file: the registry through {@link RegistryLoader} (which leaves the
 * {@code simulation:} section alone), then that section, checked against the registry.
 */
public final class ScenarioLoader {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ScenarioLoader() {
    }

    /**
     * A scenario file, or the name of a shipped one ({@code default}, {@code large}, {@code flux} …,
     * deploy/scenarios/ on the classpath) when no such file exists.
     */
    public static Scenario loadFileOrShipped(String fileOrName) throws InvalidScenarioException {
        Path file = Path.of(fileOrName);
        if (Files.exists(file)) {
            return load(file);
        }
        String name = fileOrName.replaceFirst("\\.ya?ml$", "");
        try (java.io.InputStream in = ScenarioLoader.class.getResourceAsStream("/scenarios/" + name + ".yaml")) {
            if (in == null) {
                throw new InvalidScenarioException("no scenario file '" + fileOrName + "' and no shipped scenario '" + name
                        + "' (default, large, flux, p-index, class-step, tiered-exceedance, service-value-share)");
            }
            Path dir = Files.createTempDirectory("ecovalue-scenario");
            Path copy = dir.resolve(name + ".yaml");
            Files.copy(in, copy);
            try {
                return load(copy);
            } finally {
                Files.deleteIfExists(copy);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new InvalidScenarioException("cannot read shipped scenario '" + name + "': " + e.getMessage(), e);
        }
    }

    public static Scenario load(Path file) throws InvalidScenarioException {
        Registry registry;
        try {
            registry = RegistryLoader.load(file);
        } catch (InvalidRegistryException e) {
            throw new InvalidScenarioException(file + ": not a valid registry:\n" + e.getMessage(), e);
        }
        JsonNode section;
        try {
            section = YAML.readTree(Files.readAllBytes(file)).get(RegistryLoader.SIMULATION_SECTION);
        } catch (IOException e) {
            throw new InvalidScenarioException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (section == null || section.isNull()) {
            throw new InvalidScenarioException(file + ": no '" + RegistryLoader.SIMULATION_SECTION + ":' section");
        }
        Simulation simulation;
        try {
            simulation = YAML.treeToValue(section, Simulation.class);
        } catch (IOException e) {
            throw new InvalidScenarioException(file + ": simulation: " + firstLine(e.getMessage()), e);
        }
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        Scenario scenario = new Scenario(name, registry, simulation);
        List<String> problems = check(scenario);
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(file + ":\n  " + String.join("\n  ", problems));
        }
        return scenario;
    }

    /** What the registry alone cannot tell: the simulation names things that exist and can be sent as asked. */
    static List<String> check(Scenario scenario) {
        List<String> problems = new ArrayList<>();
        Registry r = scenario.registry();
        for (Station s : r.stations()) {
            if (s.protocol() == StationProtocol.MQTT_HJ212) {
                StationParameters.of(s.kind()).stream().filter(p -> !Hj212Encoder.canEncode(p.code()))
                        .forEach(p -> problems.add("station " + s.id() + ": " + p.code()
                                + " has no HJ 212 factor code; use mqtt-json or opcua"));
            }
        }
        for (FaultSpec f : scenario.simulation().faults()) {
            for (String id : f.stations()) {
                if (r.station(id).isEmpty()) {
                    problems.add("fault " + f.type().code() + ": unknown station '" + id + "'");
                } else if (f.type() == FaultType.BAD_CRC && r.station(id).get().protocol() != StationProtocol.MQTT_HJ212) {
                    problems.add("fault bad-crc: station " + id + " does not send HJ 212 packets");
                }
            }
        }
        for (Incident i : scenario.simulation().incidents()) {
            if (r.section(i.section()).isEmpty()) {
                problems.add("incident: unknown section '" + i.section() + "'");
            }
        }
        return problems;
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }
}
