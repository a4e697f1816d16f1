package org.phasegate.cli;

import java.util.List;
import java.util.Locale;
import org.phasegate.forecast.Forecast;
import org.phasegate.forecast.Nowcast;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.importing.DataUpTo;

/**
 * The nowcast beside the forecast from the verified state: the same dates, both probabilities, then the checkpoints;
 * with imported series, how far each went at the as-of date and at each checkpoint (the rows whose period had ended).
 */
final class NowcastText {
    private NowcastText() {
    }

    static String render(Forecast f, Nowcast n, org.phasegate.scenario.Scenario s, List<DataUpTo> upTo, List<EvidenceRecord> imported) {
        var b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%nNOWCAST: runs from %s conditioned on the verified history up to %s (%,d runs, seed %d, checkpoints every %s days;"
                + " likelihood: timing sd %s days, mismatch %s, %s; collapse %s)%n",
                n.origin(), n.asOf(), n.runs(), n.seed(), num(n.everyDays()), num(n.likelihood().timingSdDays()), num(n.likelihood().mismatch()),
                org.phasegate.nowcast.Likelihood.SOURCE,
                n.holdingGate().map(g -> "read from gate '" + g + "'").orElse("none before the as-of date assumed, as the forecast from the verified state assumes (--holding-gate reads it from the evidence)")));
        for (var d : DataUpTo.asOf(upTo, s, imported, n.asOf())) b.append("  ").append(d.line()).append('\n');
        b.append("  P(by DATE): forecast from the verified state -> nowcast ± se\n");
        for (int p = 0; p < n.phases().size(); p++) line(b, n.phases().get(p).id(), f.phases().get(p).complete().by(), n.phases().get(p).by());
        line(b, "collapse", f.collapse().by(), n.collapse());
        for (int g = 0; g < n.gates().size(); g++) line(b, n.gates().get(g).id(), f.gates().get(g).by(), n.gates().get(g).by());
        b.append("  checkpoints (verified events in the stretch; effective sample size of the weights; runs agreeing with every fact):\n");
        var datasets = upTo.stream().filter(DataUpTo::read).map(DataUpTo::dataset).distinct().toList();
        for (var c : n.checkpoints()) {
            b.append(String.format(Locale.ROOT, "    %s  %2d events  ESS %,.1f (%.1f%%)  agreeing %,d", c.at(), c.events(), c.ess(), 100 * c.essShare(), c.agreeing()));
            DataUpTo.lastDays(datasets, imported, c.at()).forEach((d, day) -> b.append("  ").append(d).append(" up to ").append(day.map(Object::toString).orElse("no row yet")));
            b.append('\n');
        }
        if (n.checkpoints().isEmpty()) b.append("    none: the origin is the as-of date, so nothing was conditioned on\n");
        b.append(String.format(Locale.ROOT, "  the %,d runs descend from %,d distinct runs from the origin (their latent draws); ± counts the smallest ESS%n",
                n.runs(), n.origins()));
        n.warning().ifPresent(w -> b.append("  WARNING: ").append(w).append('\n'));
        return b.toString();
    }

    private static void line(StringBuilder b, String id, List<Forecast.Estimate> forecast, List<Forecast.Estimate> nowcast) {
        b.append(String.format(Locale.ROOT, "  %-32s", id));
        for (int i = 0; i < nowcast.size(); i++) {
            var e = nowcast.get(i);
            b.append(String.format(Locale.ROOT, "  by %s: %5.1f%% -> %5.1f%% ± %.1f", e.date(), 100 * forecast.get(i).p(), 100 * e.p(), 100 * e.se()));
        }
        b.append('\n');
    }

    private static String num(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }
}
