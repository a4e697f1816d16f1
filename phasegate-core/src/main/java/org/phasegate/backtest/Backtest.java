package org.phasegate.backtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.forecast.AssumptionSet;
import org.phasegate.gate.GateEngine;
import org.phasegate.scenario.Scenario;
import org.phasegate.score.Question;
import org.phasegate.score.Resolution;

/**
 * Replays a scenario's evidence and, at each as-of date of the plan, asks the open questions, forecasts them from the
 * records dated at or before that date only (the others are cut here, before any forecaster sees them), reads the
 * base rate, and resolves each from what was verified by the evaluation time. Records carry no separate reporting
 * time yet; when they do, the cut must also drop those reported after the as-of date.
 */
public record Backtest(QuestionForecaster model, BaseRate baseRate) {

    /** {@code progress} receives the number of as-of dates done. */
    public BacktestResult run(Scenario s, List<EvidenceRecord> records, AssumptionSet set, long seed, Plan plan, IntConsumer progress) {
        var engine = new GateEngine(s);
        var evaluation = engine.status(knownAt(records, plan.until()), plan.until());
        var steps = new ArrayList<BacktestResult.Step>();
        var asked = new ArrayList<Asked>();
        Instant previous = null;
        for (Instant asOf : plan.asOfDates()) {
            var known = knownAt(records, asOf);
            var report = engine.status(known, asOf);
            var questions = Questions.open(s, report, plan.horizonDays());
            var p = model.forecast(s, known, asOf, set, seed, questions);
            for (int i = 0; i < questions.size(); i++) {
                Question q = questions.get(i);
                asked.add(new Asked(q, asOf, p.get(i), baseRate.estimate(q, report), Resolution.of(q, evaluation)));
            }
            steps.add(new BacktestResult.Step(asOf, known.size(), arrivals(known, previous)));
            previous = asOf;
            progress.accept(steps.size());
        }
        return new BacktestResult(s.id(), set.name(), seed, plan, baseRate.referenceClass(), steps, asked);
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
