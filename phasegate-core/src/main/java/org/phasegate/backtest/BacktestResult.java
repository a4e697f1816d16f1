package org.phasegate.backtest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.phasegate.score.Question;

/**
 * A backtest: every question asked at every as-of date with the model's and the base rate's probabilities and how it
 * stood at the evaluation time, and what arrived between as-of dates. Scores are over the questions dated by the
 * evaluation time ({@link #scored}), the same ones for the model and the base rate; {@code dates} holds the CRPS of each completion-date forecast.
 */
public record BacktestResult(String scenario, String assumptionSet, long seed, Plan plan, String baseRateClass,
                             List<Step> steps, List<Asked> asked, List<DateScore> dates) {

    /**
     * An as-of date: how many records were known then, those dated after the previous as-of date, and for each dataset
     * the scenario's import measures read, the last day of its rows known then (empty: none yet; no dataset at all when
     * the backtest was given no imported rows).
     */
    public record Step(Instant asOf, int known, List<Arrival> arrived, Map<String, Optional<LocalDate>> importedUpTo) {
        public Step {
            arrived = List.copyOf(arrived);
            importedUpTo = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(importedUpTo));
        }

        public Step(Instant asOf, int known, List<Arrival> arrived) {
            this(asOf, known, arrived, Map.of());
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

    /**
     * The questions scored: those whose date is not after the evaluation time, so resolved yes or no. A question
     * dated later can only have resolved early, and only as yes; scoring those would select questions by their
     * outcome and favour saying yes, so they are counted ({@link #resolvedEarly}) but not scored.
     */
    public List<Asked> scored() {
        return asked.stream().filter(a -> !a.question().by().isAfter(plan.until())).toList();
    }

    /** Dated after the evaluation time but already resolved yes by it: not scored (see {@link #scored}). */
    public int resolvedEarly() {
        return (int) asked.stream().filter(a -> a.question().by().isAfter(plan.until()) && a.resolved()).count();
    }

    /** Dated after the evaluation time and not resolved by it. */
    public int open() {
        return (int) asked.stream().filter(a -> !a.resolved()).count();
    }

    /** The model's and the base rate's scores over the same questions. */
    public record Compared(Scores model, Scores baseRate) {
    }

    /** Over every scored question; empty when there is none. */
    public Optional<Compared> scores() {
        return compared(scored());
    }

    /** Over the scored questions of one kind. */
    public Optional<Compared> scores(Class<? extends Question> kind) {
        return compared(scored().stream().filter(a -> kind.isInstance(a.question())).toList());
    }

    private static Optional<Compared> compared(List<Asked> resolved) {
        if (resolved.isEmpty()) return Optional.empty();
        return Optional.of(new Compared(Scores.of(resolved, a -> a.model().p()), Scores.of(resolved, a -> a.baseRate().p())));
    }
}
