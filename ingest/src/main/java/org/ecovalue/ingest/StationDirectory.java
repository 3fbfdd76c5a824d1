package org.ecovalue.ingest;

import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.RegistryKind;

/**
 * Which stations ingest knows (the registry's stations) and what to do with others: reject them
 * ({@code unknown-station}, the default) or accept them and flag them in logs and metrics, for a
 * deployment whose registry lags behind new stations.
 */
public final class StationDirectory {

    /** What happens to an observation from a station the registry does not list. */
    public enum UnknownStationPolicy { REJECT, ACCEPT_AND_FLAG }

    private final Predicate<String> known;
    private final UnknownStationPolicy policy;

    private StationDirectory(Predicate<String> known, UnknownStationPolicy policy) {
        this.known = Objects.requireNonNull(known, "known");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** No registry configured: every station is known (the local stack and tests without one). */
    public static StationDirectory acceptAll() {
        return new StationDirectory(s -> true, UnknownStationPolicy.ACCEPT_AND_FLAG);
    }

    /** Stations of a registry that may change (a later consumer of {@code eco.registry}). */
    public static StationDirectory of(Supplier<Registry> registry, UnknownStationPolicy policy) {
        return new StationDirectory(s -> registry.get().contains(RegistryKind.STATION, s), policy);
    }

    public static StationDirectory of(Registry registry, UnknownStationPolicy policy) {
        return of(() -> registry, policy);
    }

    public static StationDirectory ofIds(Set<String> stations, UnknownStationPolicy policy) {
        Set<String> ids = Set.copyOf(stations);
        return new StationDirectory(ids::contains, policy);
    }

    public boolean isKnown(String station) {
        return known.test(station);
    }

    public UnknownStationPolicy policy() {
        return policy;
    }
}
