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
                         List<Stage> stages, Position at) implements Element {

    public Obligation {
        Valid.idOrMissing(id, "obligation id");
        Valid.text(description, "obligation description", Valid.MAX_TEXT);
        owedBy = List.copyOf(owedBy);
        owedTo = List.copyOf(owedTo);
        sources = List.copyOf(sources);
        if (standing.isPresent() && target.isPresent()) {
            throw new IllegalArgumentException("a standing obligation has no target: it is in force or breached");
        }
        stages = List.copyOf(stages);
        if (!stages.isEmpty()) checkStages(id, target, deadline, stages);
    }

    /** Stages need a target that accumulates, rise strictly, end at the target's level and carry its deadline. */
    private static void checkStages(String id, Optional<Threshold> target, Optional<TimeRef> deadline, List<Stage> stages) {
        if (target.isEmpty()) throw new IllegalArgumentException("obligation '" + id + "' has stages but no target; stages are levels of its target");
        var th = target.get();
        if (th.aggregate() == Threshold.Aggregate.RATE || th.window().isPresent()) {
            throw new IllegalArgumentException("obligation '" + id + "' has stages on a rate or windowed target; stages need a quantity that accumulates");
        }
        for (int i = 1; i < stages.size(); i++) {
            if (stages.get(i).level() <= stages.get(i - 1).level()) {
                throw new IllegalArgumentException("obligation '" + id + "': stage '" + stages.get(i).id() + "' is not above the stage before it; list stages in rising order");
            }
        }
        if (Math.abs(stages.getLast().level() - th.level()) > 1e-9 * Math.max(1, th.level())) {
            throw new IllegalArgumentException("obligation '" + id + "': the last stage ('" + stages.getLast().id() + "') must be the target itself ("
                    + th.describe() + ")");
        }
        if (!deadline.equals(stages.getLast().deadline())) {
            throw new IllegalArgumentException("obligation '" + id + "': with stages, the deadline is the last stage's");
        }
    }

    /** The stage with this id, if the obligation has one. */
    public Optional<Stage> stage(String stageId) {
        return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
    }

    public boolean isStanding() {
        return standing.isPresent();
    }

    public enum Type {
        CESSATION, EXCHANGE, WITHDRAWAL, DEPLOYMENT, DECOMMISSIONING, AID, GOVERNANCE, FUNDING, REFORM
    }
}
