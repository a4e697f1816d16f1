package org.phasegate.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.phasegate.backtest.BacktestResult;
import org.phasegate.backtest.HistorySeries;
import org.phasegate.backtest.Scores;
import org.phasegate.importing.DataUpTo;

/**
 * A backtest as the forecast page draws it: how the key questions' forecasts moved over the as-of dates and which
 * records arrived when they moved ({@link HistorySeries}, as the CLI's history chart), and the scores over the
 * questions resolved by the evaluation time, the model's beside the base rate's, with the reliability diagrams' bins;
 * and how far the imported series went: {@code importedData} at the evaluation time (as status says it), and on each
 * point {@code importedUpTo}, each dataset's last day known at that as-of date.
 */
final class HistoryJson {
    private HistoryJson() {
    }

    static void write(ObjectNode n, BacktestResult r, List<DataUpTo> upTo) {
        n.put("everyDays", r.plan().everyDays());
        r.plan().horizonDays().forEach(n.putArray("horizonDays")::add);
        n.put("keyHorizonDays", HistorySeries.keyHorizon(r));
        n.put("from", r.plan().from().toString());
        n.put("evaluatedAt", r.plan().until().toString());
        n.put("asOfDates", r.steps().size());
        n.put("baseRateClass", r.baseRateClass());
        DataUpTo.json(n.putArray("importedData"), upTo);
        var upToByDate = new HashMap<Instant, Map<String, Optional<LocalDate>>>();
        r.steps().forEach(st -> upToByDate.put(st.asOf(), st.importedUpTo()));
        var series = n.putArray("series");
        for (var s : HistorySeries.of(r)) series(series.addObject(), s, upToByDate);
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

    private static void series(ObjectNode n, HistorySeries s, Map<Instant, Map<String, Optional<LocalDate>>> upTo) {
        n.put("question", s.label());
        var points = n.putArray("points");
        for (var p : s.points()) {
            var o = points.addObject().put("asOf", p.asOf().toString()).put("p", p.p()).put("se", p.se()).put("baseRate", p.baseRate());
            if (p.outcome() == null) o.putNull("outcome");
            else o.put("outcome", p.outcome());
            var days = upTo.getOrDefault(p.asOf(), Map.of());
            if (!days.isEmpty()) DataUpTo.json(o.putObject("importedUpTo"), days);
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
