package org.phasegate.backtest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.forecast.AssumptionSet;
import org.phasegate.forecast.Defaults;
import org.phasegate.forecast.Forecast;
import org.phasegate.forecast.ForecastOptions;
import org.phasegate.forecast.Forecaster;
import org.phasegate.forecast.StartingState;
import org.phasegate.scenario.Scenario;
import org.phasegate.score.CompletionForecast;
import org.phasegate.score.Question;

/**
 * The plain forecast as of D: the Monte Carlo forecast engine started from the state the gate engine verifies from
 * the records known at D (and the imported series' rows known then), with no sensitivity analysis. A question's date is read as the end of the day before it,
 * so from an as-of date at midnight UTC, P(by D + h) is P(within h days) exactly; the engine counts by whole days.
 */
public record ModelForecaster(int runs, int threads, double stepDays) implements QuestionForecaster {

    public ModelForecaster {
        if (runs < 1) throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        if (!(stepDays > 0)) throw new IllegalArgumentException("stepDays must be positive, got " + stepDays);
    }

    @Override
    public Answers forecast(Scenario scenario, List<EvidenceRecord> known, List<EvidenceRecord> imported, Instant asOf, AssumptionSet set,
                            long seed, List<Question> questions) {
        if (questions.isEmpty()) return new Answers(List.of(), Map.of());
        var dates = questions.stream().map(q -> day(q.by())).distinct().sorted().toList();
        var start = StartingState.of(scenario, known, imported, asOf);
        int horizon = (int) Math.max(1, Math.ceil((dates.getLast().plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond()
                - asOf.getEpochSecond()) / 86400.0));
        var options = new ForecastOptions(seed, runs, threads, stepDays, horizon, dates, Defaults.phase(scenario, start), 0, Optional.empty());
        var f = new Forecaster().forecast(scenario, start, set, options);
        var out = new ArrayList<Probability>();
        var completions = new HashMap<String, CompletionForecast>();
        for (Question q : questions) {
            var e = estimates(f, q).get(dates.indexOf(day(q.by())));
            out.add(new Probability(e.p(), e.se()));
            curve(f, q).ifPresent(c -> completions.put(Answers.key(q), completion(c, runs, stepDays)));
        }
        return new Answers(out, completions);
    }

    /** The cumulative curve of a phase's completion or of the collapse; gates have none. */
    private static Optional<List<Forecast.Estimate>> curve(Forecast f, Question q) {
        return switch (q) {
            case Question.GateOpenBy g -> Optional.empty();
            case Question.PhaseCompleteBy p -> Optional.of(f.phase(p.phase()).orElseThrow().complete().curve());
            case Question.CollapseBy c -> Optional.of(f.collapse().curve());
        };
    }

    /**
     * The runs' completion days from the cumulative curve (one point per step): the runs that completed within step k
     * are put at its end, k × step days, so the distribution is known to the step (a week by default).
     */
    static CompletionForecast completion(List<Forecast.Estimate> curve, int runs, double stepDays) {
        var days = new ArrayList<Double>();
        long before = 0;
        for (int k = 0; k < curve.size(); k++) {
            long done = Math.round(curve.get(k).p() * runs);
            for (long i = before; i < done; i++) days.add(k * stepDays);
            before = Math.max(before, done);
        }
        return new CompletionForecast(days.stream().mapToDouble(Double::doubleValue).toArray(), (int) (runs - before),
                Math.max(stepDays, (curve.size() - 1) * stepDays));
    }

    /** The day whose end is the question's date (the day before, when the date is midnight). */
    static LocalDate day(Instant by) {
        return by.minusNanos(1).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static List<Forecast.Estimate> estimates(Forecast f, Question q) {
        return switch (q) {
            case Question.GateOpenBy g -> f.gate(g.gate()).orElseThrow().by();
            case Question.PhaseCompleteBy p -> f.phase(p.phase()).orElseThrow().complete().by();
            case Question.CollapseBy c -> f.collapse().by();
        };
    }
}
