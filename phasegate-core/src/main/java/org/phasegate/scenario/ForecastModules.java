package org.phasegate.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.phasegate.problem.Position;
import org.phasegate.problem.Valid;

/**
 * The forecast's optional mechanisms that a scenario declares for itself (docs/scenario-format.md, "forecast"): a
 * peacekeeping presence, contributor withdrawal after casualty shocks, and fallbacks. A module that is not declared
 * does not exist in the forecast and needs no assumption. {@code focus} names the phase the forecast looks at by default.
 */
public record ForecastModules(Optional<Peacekeeping> peacekeeping, Optional<Withdrawal> withdrawal,
                              List<Fallback> fallbacks, Optional<String> focus, Position at) {

    public static final ForecastModules NONE = new ForecastModules(Optional.empty(), Optional.empty(), List.of(), Optional.empty(), new Position(1, 1));

    public ForecastModules {
        fallbacks = List.copyOf(fallbacks);
        var ids = new HashSet<String>();
        for (Fallback f : fallbacks) if (!ids.add(f.id())) throw new IllegalArgumentException("fallback " + f.id() + " is declared twice");
        if (fallbacks.stream().filter(f -> f.trigger() instanceof Trigger.OnCollapse).count() > 1) {
            throw new IllegalArgumentException("at most one fallback may be taken on collapse");
        }
        if (withdrawal.isPresent() && peacekeeping.isEmpty()) {
            throw new IllegalArgumentException("contributor-withdrawal needs a peacekeeping presence to withdraw from");
        }
    }

    /** Armed (a force that may use force: the fitted pko hazard ratio) or an unarmed observer mission. */
    public enum Mission { ARMED, OBSERVER }

    /**
     * A third-party presence: which obligations deploy it (empty: the deployment obligations owed by force
     * contributors) and what kind of mission it is.
     */
    public record Peacekeeping(Mission mission, List<String> deployment, Optional<Citation> source, Position at) {
        public Peacekeeping {
            deployment = List.copyOf(deployment);
        }
    }

    /** Contributors withdraw part of the force some days after a mass-casualty shock to it. */
    public record Withdrawal(Optional<Citation> source, Position at) {
    }

    /** What starts a fallback: the ceasefire's collapse (with a chance the set gives) or a condition coming true. */
    public sealed interface Trigger {
        /** On collapse, with the probability the assumption {@code chance} gives, the plan goes on in the fallback. */
        record OnCollapse(String chance) implements Trigger {
            public OnCollapse {
                Valid.idOrMissing(chance, "fallback chance");
            }
        }

        /** As soon as the condition holds (e.g. a gate still closed at a date: the armed group delays). */
        record When(Condition condition) implements Trigger {
        }
    }

    /**
     * Which obligations stop in the fallback: those owed by the listed parties or by parties of the listed kinds,
     * the listed obligations and the obligations of the listed phases (any of them).
     */
    public record Stops(List<String> parties, List<Party.Kind> partyKinds, List<String> obligations, List<String> phases) {
        public Stops {
            parties = List.copyOf(parties);
            partyKinds = List.copyOf(partyKinds);
            obligations = List.copyOf(obligations);
            phases = List.copyOf(phases);
            if (parties.isEmpty() && partyKinds.isEmpty() && obligations.isEmpty() && phases.isEmpty()) {
                throw new IllegalArgumentException("a fallback's 'stops' names nothing to stop");
            }
        }

        public boolean stops(Obligation o, Scenario s) {
            return obligations.contains(o.id()) || phases.contains(o.phase())
                    || o.owedBy().stream().anyMatch(p -> parties.contains(p)
                    || s.party(p).map(x -> partyKinds.contains(x.kind())).orElse(false));
        }
    }

    /** A fallback: if its trigger fires, the plan goes on with the obligations it stops stopped. */
    public record Fallback(String id, String name, Optional<Citation> source, Trigger trigger, Stops stops, Position at)
            implements Element {
        public Fallback {
            Valid.idOrMissing(id, "fallback id");
            Valid.text(name, "fallback name", Valid.MAX_TEXT);
        }
    }
}
