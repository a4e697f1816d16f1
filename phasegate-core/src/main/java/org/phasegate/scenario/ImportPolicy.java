package org.phasegate.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The scenario's {@code imports:} section: the verification state and origin each kind of import gives its rows
 * (e.g. ACLED as corroborated, external). A kind it does not list is {@link #DEFAULT}: reported, external. Measures
 * over imported rows ({@code import:} in a measure) count rows in state corroborated or verified only, and in the state
 * the reading scenario's policy gives their kind at most ({@link #countedAs}): the state signed into an import records
 * what its importer asked for, so a lax policy at import time cannot make rows count under a stricter one.
 */
public record ImportPolicy(Map<String, Rule> byKind) {
    public static final Rule DEFAULT = new Rule(State.REPORTED, Origin.EXTERNAL);
    public static final ImportPolicy NONE = new ImportPolicy(Map.of());

    public enum State {
        REPORTED, CORROBORATED, VERIFIED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<State> fromWire(String w) {
            return Arrays.stream(values()).filter(s -> s.wireName().equals(w)).findFirst();
        }

        public static List<String> wireNames() {
            return Arrays.stream(values()).map(State::wireName).toList();
        }

        /** Whether measures over imports count rows in this state. */
        public boolean counts() {
            return this != REPORTED;
        }
    }

    /** Who vouches for the rows: an outside publisher (external), or the scenario's own monitors (internal). */
    public enum Origin {
        EXTERNAL, INTERNAL;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Origin> fromWire(String w) {
            return Arrays.stream(values()).filter(s -> s.wireName().equals(w)).findFirst();
        }
    }

    public record Rule(State state, Origin origin) {
        public Rule {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(origin, "origin");
        }
    }

    public ImportPolicy {
        byKind = Map.copyOf(byKind);
    }

    public Rule ruleFor(String kind) {
        return byKind.getOrDefault(kind, DEFAULT);
    }

    /** The state rows of an import of {@code kind} stored as {@code stored} count in under this policy: the lower of the two. */
    public State countedAs(String kind, State stored) {
        var allowed = ruleFor(kind).state();
        return stored.compareTo(allowed) <= 0 ? stored : allowed;
    }
}
