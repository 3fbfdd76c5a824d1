package org.ecovalue.schemas.registry;

import java.util.List;
import java.util.stream.Collectors;

/** A registry that cannot be used, with every problem found (not just the first). */
public final class InvalidRegistryException extends Exception {

    private final List<RegistryProblem> problems;

    public InvalidRegistryException(List<RegistryProblem> problems) {
        super(message(problems), null, false, false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid registry has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<RegistryProblem> problems() {
        return problems;
    }

    private static String message(List<RegistryProblem> problems) {
        return "invalid registry, " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
