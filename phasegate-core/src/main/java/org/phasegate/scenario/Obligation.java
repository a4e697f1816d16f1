package org.phasegate.scenario;

import org.phasegate.problem.Valid;
import java.util.List;
import java.util.Optional;
import org.phasegate.problem.Position;

/**
 * Something a party owes: typed, measured, dated and sourced. A deliverable is done once (its target reached or
 * assessed complete); a standing obligation ({@code standing} present) is kept over time: in force or breached.
 */
public record Obligation(String id, String name, String description, String phase, Type type,
                         List<String> owedBy, List<String> owedTo, Optional<Threshold> target,
                         Optional<TimeRef> deadline, boolean optional, List<Citation> sources, Optional<Standing> standing,
                         Position at) implements Element {

    public Obligation {
        Valid.idOrMissing(id, "obligation id");
        Valid.text(description, "obligation description", Valid.MAX_TEXT);
        owedBy = List.copyOf(owedBy);
        owedTo = List.copyOf(owedTo);
        sources = List.copyOf(sources);
        if (standing.isPresent() && target.isPresent()) {
            throw new IllegalArgumentException("a standing obligation has no target: it is in force or breached");
        }
    }

    public boolean isStanding() {
        return standing.isPresent();
    }

    public enum Type {
        CESSATION, EXCHANGE, WITHDRAWAL, DEPLOYMENT, DECOMMISSIONING, AID, GOVERNANCE, FUNDING, REFORM
    }
}
