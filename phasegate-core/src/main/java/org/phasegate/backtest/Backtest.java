package org.phasegate.backtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.forecast.AssumptionSet;
import org.phasegate.gate.GateEngine;
import org.phasegate.gate.StatusReport;
import org.phasegate.importing.DataUpTo;
import org.phasegate.score.CompletionCrps;
import org.phasegate.score.DateOutcome;
import org.phasegate.scenario.Scenario;
import org.phasegate.score.Question;
import org.phasegate.score.Resolution;

/**
 * Replays a scenario's evidence and, at each as-of date of the plan, asks the open questions, forecasts them from the
 * records dated at or before that date only (the others are cut here, before any forecaster sees them), reads the
 * base rate, and resolves each from what was verified by the evaluation time. Imported series (rows of the datasets
 * the scenario's import measures read, each dated at the end of its period) are cut the same way: a month's row is
 * not known before the month is over. Records carry no separate reporting time yet; when they do, the cut must also
 * drop those reported after the as-of date.
 */
public record Backtest(QuestionForecaster model, BaseRate baseRate) {

    /** {@code progress} receives the number of as-of dates done. */
    public BacktestResult run(Scenario s, List<EvidenceRecord> records, AssumptionSet set, long seed, Plan plan, IntConsumer progress) {
        return run(s, records, List.of(), set, seed, plan, progress);
    }

    /** As above, with the imported series the scenario's import measures read ({@code imported}: the rows that count). */
    public BacktestResult run(Scenario s, List<EvidenceRecord> records, List<EvidenceRecord> imported, AssumptionSet set, long seed, Plan plan,
                              IntConsumer progress) {
        var engine = new GateEngine(s);
        // no rows given (evidence from a file): the steps name no dataset rather than say that none had a row yet
        var datasets = imported.isEmpty() ? java.util.Set.<String>of() : s.measures().stream().flatMap(m -> m.imported().stream()).collect(java.util.stream.Collectors.toSet());
        var evaluation = engine.status(knownAt(records, plan.until()), knownAt(imported, plan.until()), plan.until());
        var steps = new ArrayList<BacktestResult.Step>();
        var asked = new ArrayList<Asked>();
        var dates = new ArrayList<DateScore>();
        Instant previous = null;
        for (Instant asOf : plan.asOfDates()) {
            var known = knownAt(records, asOf);
            var importedKnown = knownAt(imported, asOf);
            var report = engine.status(known, importedKnown, asOf);
            var questions = Questions.open(s, report, plan.horizonDays());
            var answers = model.forecast(s, known, importedKnown, asOf, set, seed, questions);
            if (answers.probabilities().size() != questions.size()) {
                throw new IllegalStateException("the forecaster gave " + answers.probabilities().size() + " probabilities for " + questions.size() + " questions");
            }
            for (int i = 0; i < questions.size(); i++) {
                Question q = questions.get(i);
                asked.add(new Asked(q, asOf, answers.probabilities().get(i), baseRate.estimate(q, report), Resolution.of(q, evaluation)));
            }
            dates.addAll(dateScores(questions, answers, report, evaluation));
            steps.add(new BacktestResult.Step(asOf, known.size(), arrivals(known, previous), DataUpTo.lastDays(datasets, importedKnown, asOf)));
            previous = asOf;
            progress.accept(steps.size());
        }
        return new BacktestResult(s.id(), set.name(), seed, plan, baseRate.referenceClass(), steps, asked, dates);
    }

    /**
     * The CRPS of each completion distribution the forecaster gave, once per subject: the outcome is when the
     * question's event happened by the evaluation time, in days after the as-of date, or that it had not by then.
     */
    private List<DateScore> dateScores(List<Question> questions, Answers answers, StatusReport atAsOf, StatusReport evaluation) {
        var out = new ArrayList<DateScore>();
        var seen = new java.util.HashSet<String>();
        Instant asOf = atAsOf.asOf();
        for (Question q : questions) {
            var forecast = answers.completions().get(Answers.key(q));
            if (forecast == null || !seen.add(Answers.key(q))) continue;
            var atEnd = Resolution.of(withDate(q, evaluation.asOf()), evaluation);
            double observed = days(asOf, evaluation.asOf());
            var outcome = atEnd.state() == Resolution.State.YES ? DateOutcome.completed(days(asOf, atEnd.at().orElseThrow()), observed)
                    : DateOutcome.notCompletedBy(observed);
            var base = baseRate.completion(q, atAsOf, forecast.horizonDays()).map(b -> CompletionCrps.of(b, outcome));
            out.add(new DateScore(Answers.key(q), asOf, outcome, CompletionCrps.of(forecast, outcome), base));
        }
        return out;
    }

    private static Question withDate(Question q, Instant by) {
        return switch (q) {
            case Question.GateOpenBy g -> new Question.GateOpenBy(g.gate(), by);
            case Question.PhaseCompleteBy p -> new Question.PhaseCompleteBy(p.phase(), by);
            case Question.CollapseBy c -> new Question.CollapseBy(c.holdingGate(), by);
        };
    }

    private static double days(Instant from, Instant to) {
        return java.time.Duration.between(from, to).toSeconds() / 86400.0;
    }

    /** The records dated at or before {@code t}: all that a forecast as of t may see. */
    static List<EvidenceRecord> knownAt(List<EvidenceRecord> records, Instant t) {
        return records.stream().filter(r -> !r.time().isAfter(t)).toList();
    }

    private static List<BacktestResult.Arrival> arrivals(List<EvidenceRecord> known, Instant after) {
        return known.stream().filter(r -> after == null || r.time().isAfter(after))
                .map(r -> new BacktestResult.Arrival(r.id(), r.type().wireName(), r.time())).toList();
    }
}
