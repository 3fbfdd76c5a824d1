package org.ecovalue.simulator.scenario;

/** A scenario file that cannot be run, with every problem found. */
public final class InvalidScenarioException extends Exception {

    public InvalidScenarioException(String message) {
        super(message);
    }

    public InvalidScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
