package org.phasegate.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.phasegate.backtest.BacktestResult;
import org.phasegate.backtest.HistorySeries;
import org.phasegate.backtest.Scores;

/**
 * A backtest as the forecast page draws it: how the key questions' forecasts moved over the as-of dates and which
 * records arrived when they moved ({@link HistorySeries}, as the CLI's history chart), and the scores over the
 * questions resolved by the evaluation time, the model's beside the base rate's, with the reliability diagrams' bins.
 */
final class HistoryJson {
    private HistoryJson() {
    }

    static void write(ObjectNode n, BacktestResult r) {
        n.put("everyDays", r.plan().everyDays());
        r.plan().horizonDays().forEach(n.putArray("horizonDays")::add);
        n.put("keyHorizonDays", HistorySeries.keyHorizon(r));
        n.put("from", r.plan().from().toString());
        n.put("evaluatedAt", r.plan().until().toString());
        n.put("asOfDates", r.steps().size());
        n.put("baseRateClass", r.baseRateClass());
        var series = n.putArray("series");
        for (var s : HistorySeries.of(r)) series(series.addObject(), s);
        n.put("resolved", r.scored().size());
        n.put("resolvedEarlyNotScored", r.resolvedEarly());
        n.put("unresolved", r.open());
        var c = r.scores();
        if (c.isEmpty()) {
            n.putNull("scores");
            return;
        }
        var scores = n.putObject("scores");
        scores(scores.putObject("model"), c.get().model());
        scores(scores.putObject("baseRate"), c.get().baseRate());
    }

    private static void series(ObjectNode n, HistorySeries s) {
        n.put("question", s.label());
        var points = n.putArray("points");
        for (var p : s.points()) {
            var o = points.addObject().put("asOf", p.asOf().toString()).put("p", p.p()).put("se", p.se()).put("baseRate", p.baseRate());
            if (p.outcome() == null) o.putNull("outcome");
            else o.put("outcome", p.outcome());
        }
        var moves = n.putArray("moves");
        for (var m : s.moves()) {
            var o = moves.addObject().put("from", m.from().toString()).put("to", m.to().toString()).put("pFrom", m.pFrom()).put("pTo", m.pTo());
            var records = o.putArray("records");
            m.records().forEach(a -> records.addObject().put("id", a.id()).put("type", a.type()).put("time", a.time().toString()));
        }
    }

    private static void scores(ObjectNode n, Scores s) {
        n.put("n", s.n()).put("brier", s.brier()).put("log", s.log().mean()).put("logClamped", s.log().clamped());
        n.putObject("murphy").put("reliability", s.murphy().reliability()).put("resolution", s.murphy().resolution())
                .put("uncertainty", s.murphy().uncertainty()).put("withinBin", s.murphy().withinBin());
        var bins = n.putArray("reliabilityBins");
        for (var bin : s.reliability().bins()) {
            bins.addObject().put("lower", bin.lower()).put("upper", bin.upper()).put("count", bin.count())
                    .put("meanForecast", bin.meanForecast()).put("observedFrequency", bin.observedFrequency());
        }
    }
}
