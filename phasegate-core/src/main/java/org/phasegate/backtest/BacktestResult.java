package org.phasegate.backtest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.phasegate.score.Question;

/**
 * A backtest: every question asked at every as-of date with the model's and the base rate's probabilities and how it
 * stood at the evaluation time, and what arrived between as-of dates. Scores are over the resolved questions only,
 * the same ones for the model and the base rate; {@code dates} holds the CRPS of each completion-date forecast.
 */
public record BacktestResult(String scenario, String assumptionSet, long seed, Plan plan, String baseRateClass,
                             List<Step> steps, List<Asked> asked, List<DateScore> dates) {

    /** An as-of date: how many records were known then, and those dated after the previous as-of date. */
    public record Step(Instant asOf, int known, List<Arrival> arrived) {
        public Step {
            arrived = List.copyOf(arrived);
        }
    }

    /** A record as the charts mark it. */
    public record Arrival(String id, String type, Instant time) {
    }

    public BacktestResult {
        steps = List.copyOf(steps);
        asked = List.copyOf(asked);
        dates = List.copyOf(dates);
    }

    public List<Asked> resolved() {
        return asked.stream().filter(Asked::resolved).toList();
    }

    public int unresolved() {
        return asked.size() - resolved().size();
    }

    /** The model's and the base rate's scores over the same questions. */
    public record Compared(Scores model, Scores baseRate) {
    }

    /** Over every resolved question; empty when none has resolved. */
    public Optional<Compared> scores() {
        return compared(resolved());
    }

    /** Over the resolved questions of one kind. */
    public Optional<Compared> scores(Class<? extends Question> kind) {
        return compared(resolved().stream().filter(a -> kind.isInstance(a.question())).toList());
    }

    private static Optional<Compared> compared(List<Asked> resolved) {
        if (resolved.isEmpty()) return Optional.empty();
        return Optional.of(new Compared(Scores.of(resolved, a -> a.model().p()), Scores.of(resolved, a -> a.baseRate().p())));
    }
}
