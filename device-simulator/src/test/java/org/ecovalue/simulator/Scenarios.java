package org.ecovalue.simulator;

import java.nio.file.Path;
import org.ecovalue.simulator.scenario.Scenario;
import org.ecovalue.simulator.scenario.ScenarioLoader;

/** The shipped scenarios, as tests read them. */
public final class Scenarios {

    public static final Path DIR = Path.of("..", "deploy", "scenarios");

    private Scenarios() {
    }

    public static Scenario load(String name) {
        try {
            return ScenarioLoader.load(DIR.resolve(name + ".yaml"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
