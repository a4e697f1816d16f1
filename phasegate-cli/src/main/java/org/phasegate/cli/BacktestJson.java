package org.phasegate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.phasegate.backtest.Asked;
import org.phasegate.backtest.BacktestResult;
import org.phasegate.backtest.Scores;
import org.phasegate.score.Question;

/**
 * The backtest as JSON: {@code questions[]} (the scored ones: dated by the evaluation time, so resolved; each with {@code id}, {@code asOf}, {@code p},
 * {@code outcome}, {@code baseRate}), and {@code brier}, {@code log} and {@code baseRate.{brier,log}} over exactly
 * those questions; the Murphy decomposition, the scores by kind and the reliability bins beside them; and
 * {@code importedData}, how far each imported series the scenario's measures read went at the evaluation time
 * (status's shape; {@code "read": false} when the evidence came from a file).
 */
final class BacktestJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BacktestJson() {
    }

    static String render(BacktestResult r, int runs, java.util.List<org.phasegate.importing.DataUpTo> upTo) {
        var root = JSON.createObjectNode();
        root.put("scenario", r.scenario());
        root.put("assumptionSet", r.assumptionSet());
        root.put("seed", r.seed());
        root.put("runs", runs);
        root.put("everyDays", r.plan().everyDays());
        r.plan().horizonDays().forEach(root.putArray("horizonDays")::add);
        root.put("from", r.plan().from().toString());
        root.put("evaluatedAt", r.plan().until().toString());
        root.put("asOfDates", r.steps().size());
        root.put("baseRateClass", r.baseRateClass());
        var questions = root.putArray("questions");
        for (Asked a : r.scored()) question(questions.addObject(), a);
        root.put("resolved", r.scored().size());
        root.put("resolvedEarlyNotScored", r.resolvedEarly());
        root.put("unresolved", r.open());
        r.scores().ifPresent(c -> {
            scores(root, c.model());
            scores(root.putObject("baseRate"), c.baseRate());
            var kinds = root.putObject("byKind");
            for (var kind : java.util.List.of(Question.GateOpenBy.class, Question.PhaseCompleteBy.class, Question.CollapseBy.class)) {
                r.scores(kind).ifPresent(k -> {
                    var n = kinds.putObject(kindName(kind));
                    n.put("n", k.model().n());
                    n.put("brier", k.model().brier());
                    n.put("log", k.model().log().mean());
                    n.putObject("baseRate").put("brier", k.baseRate().brier()).put("log", k.baseRate().log().mean());
                });
            }
        });
        dates(root, r);
        org.phasegate.importing.DataUpTo.json(root.putArray("importedData"), upTo);
        return root.toPrettyString() + "\n";
    }

    /** CRPS of the completion dates: each one, and the means (the base rate's over those where it gives a date). */
    private static void dates(ObjectNode root, BacktestResult r) {
        var crps = root.putObject("crps");
        crps.put("n", r.dates().size());
        mean(crps, "meanDays", r.dates().stream().mapToDouble(d -> d.model().crps()));
        var withBase = r.dates().stream().filter(d -> d.baseRate().isPresent()).toList();
        var base = crps.putObject("baseRate");
        base.put("n", withBase.size());
        mean(base, "modelMeanDays", withBase.stream().mapToDouble(d -> d.model().crps()));
        mean(base, "meanDays", withBase.stream().mapToDouble(d -> d.baseRate().orElseThrow().crps()));
        var all = crps.putArray("dates");
        for (var d : r.dates()) {
            var n = all.addObject();
            n.put("subject", d.subject());
            n.put("asOf", d.asOf().toString());
            if (d.outcome().completedDay().isPresent()) n.put("completedDay", d.outcome().completedDay().getAsDouble());
            else n.putNull("completedDay");
            n.put("observedUntilDays", d.outcome().observedUntilDays());
            n.put("windowDays", d.model().windowDays());
            n.put("crps", d.model().crps());
            d.baseRate().ifPresent(b -> n.put("baseRateCrps", b.crps()));
        }
    }

    /** The mean, or null when there is nothing to average. */
    private static void mean(ObjectNode n, String field, java.util.stream.DoubleStream values) {
        var m = values.average();
        if (m.isPresent()) n.put(field, m.getAsDouble());
        else n.putNull(field);
    }

    private static void question(ObjectNode n, Asked a) {
        n.put("id", a.question().id());
        n.put("asOf", a.asOf().toString());
        n.put("p", a.model().p());
        n.put("outcome", a.resolution().outcome());
        n.put("se", a.model().se());
        n.put("baseRate", a.baseRate().p());
        n.put("baseRateBasis", a.baseRate().basis());
        n.put("by", a.question().by().toString());
        n.put("horizonDays", a.horizonDays());
        n.put("resolvedAt", a.resolution().at().orElseThrow().toString());
    }

    private static void scores(ObjectNode n, Scores s) {
        n.put("n", s.n());
        n.put("brier", s.brier());
        n.put("log", s.log().mean());
        n.put("logClamped", s.log().clamped());
        var m = n.putObject("murphy");
        m.put("reliability", s.murphy().reliability());
        m.put("resolution", s.murphy().resolution());
        m.put("uncertainty", s.murphy().uncertainty());
        m.put("withinBin", s.murphy().withinBin());
        var bins = n.putArray("reliabilityBins");
        for (var bin : s.reliability().bins()) {
            bins.addObject().put("lower", bin.lower()).put("upper", bin.upper()).put("count", bin.count())
                    .put("meanForecast", bin.meanForecast()).put("observedFrequency", bin.observedFrequency());
        }
    }

    static String kindName(Class<? extends Question> kind) {
        return kind == Question.GateOpenBy.class ? "gate-open" : kind == Question.PhaseCompleteBy.class ? "phase-complete" : "collapse";
    }
}
