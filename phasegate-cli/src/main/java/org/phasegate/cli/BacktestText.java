package org.phasegate.cli;

import java.util.Locale;
import org.phasegate.backtest.Asked;
import org.phasegate.backtest.BacktestResult;
import org.phasegate.backtest.Scores;
import org.phasegate.score.Question;

/** The backtest as a readable table of the resolved questions, then the model's and the base rate's scores side by side. */
final class BacktestText {
    private BacktestText() {
    }

    static String render(BacktestResult r, int runs) {
        var b = new StringBuilder();
        var plan = r.plan();
        b.append(String.format(Locale.ROOT, "Backtest of %s, assumption set '%s': %d as-of dates every %d days from %s, horizons %s days, "
                        + "%,d runs each, seed %d%n", r.scenario(), r.assumptionSet(), r.steps().size(), plan.everyDays(),
                day(plan.from()), plan.horizonDays(), runs, r.seed()));
        b.append("Questions resolve from the evidence verified by ").append(plan.until()).append("; base rate: ").append(r.baseRateClass())
                .append(" for collapses, an uninformative 0.5 for gates and phases (docs/scoring.md)\n\n");
        b.append(String.format(Locale.ROOT, "%-10s  %-58s  %6s  %6s  %4s  %s%n", "as of", "question", "model", "base", "was", "resolved"));
        for (Asked a : r.scored()) {
            b.append(String.format(Locale.ROOT, "%-10s  %-58s  %6.3f  %6.3f  %-4s  %s%n", day(a.asOf()), describe(a, plan.horizonDays()),
                    a.model().p(), a.baseRate().p(), a.resolution().outcome() == 1 ? "yes" : "no", day(a.resolution().at().orElseThrow())));
        }
        b.append(String.format(Locale.ROOT, "%n%d questions asked, %d resolved and scored (dated by the evaluation time), %d dated later still open; "
                + "%d dated later already resolved yes, not scored (only a yes can resolve early: scoring them would favour saying yes)%n%n",
                r.asked().size(), r.scored().size(), r.open(), r.resolvedEarly()));
        var scores = r.scores();
        if (scores.isEmpty()) return b.append("No question has resolved: nothing to score.\n").toString();
        b.append(String.format(Locale.ROOT, "%-28s  %10s  %10s%n", "scores (lower is better)", "model", "base rate"));
        rows(b, "all " + scores.get().model().n() + " resolved", scores.get());
        for (var kind : java.util.List.of(Question.GateOpenBy.class, Question.PhaseCompleteBy.class, Question.CollapseBy.class)) {
            r.scores(kind).ifPresent(c -> rows(b, BacktestJson.kindName(kind) + " (" + c.model().n() + ")", c));
        }
        var m = scores.get().model().murphy();
        b.append(String.format(Locale.ROOT, "%nModel's Brier = reliability %.4f - resolution %.4f + uncertainty %.4f + within-bin %.4f (ten bins of 0.1)%n",
                m.reliability(), m.resolution(), m.uncertainty(), m.withinBin()));
        crps(b, r);
        long certainMisses = r.scored().stream().filter(x -> x.model().p() == 1 - x.resolution().outcome()).count();
        if (certainMisses > 0) {
            double eps = scores.get().model().log().eps();
            b.append(String.format(Locale.ROOT, "The model said 0 or 1 and was wrong on %d question(s): each costs %.1f nats in the log score (p clamped to [%.0e, 1 - %.0e])%n",
                    certainMisses, -Math.log(eps), eps, eps));
        }
        return b.toString();
    }

    private static void rows(StringBuilder b, String label, BacktestResult.Compared c) {
        b.append(String.format(Locale.ROOT, "%-28s  %10s  %10s%n", label, "", ""));
        b.append(String.format(Locale.ROOT, "  %-26s  %10.4f  %10.4f%n", "Brier", c.model().brier(), c.baseRate().brier()));
        b.append(String.format(Locale.ROOT, "  %-26s  %10.4f  %10.4f%n", "log (nats)", c.model().log().mean(), c.baseRate().log().mean()));
    }

    private static void crps(StringBuilder b, BacktestResult r) {
        if (r.dates().isEmpty()) return;
        b.append(String.format(Locale.ROOT, "%nCRPS of completion dates (days, over the window the forecast and the evidence cover; lower is better):%n"));
        b.append(String.format(Locale.ROOT, "  model, %d phase or collapse dates: mean %.2f%n", r.dates().size(),
                r.dates().stream().mapToDouble(d -> d.model().crps()).average().orElseThrow()));
        var withBase = r.dates().stream().filter(d -> d.baseRate().isPresent()).toList();
        if (!withBase.isEmpty()) {
            b.append(String.format(Locale.ROOT, "  collapse dates (%d): model %.2f, base rate %.2f%n", withBase.size(),
                    withBase.stream().mapToDouble(d -> d.model().crps()).average().orElseThrow(),
                    withBase.stream().mapToDouble(d -> d.baseRate().orElseThrow().crps()).average().orElseThrow()));
        }
    }

    static String describe(Asked a, java.util.List<Integer> horizons) {
        var q = a.question();
        String what = switch (q) {
            case Question.GateOpenBy g -> "gate " + g.gate() + " open";
            case Question.PhaseCompleteBy p -> p.phase() + " complete";
            case Question.CollapseBy c -> "ceasefire collapsed (" + c.holdingGate() + " closed)";
        };
        return what + (horizons.contains((int) a.horizonDays()) ? " within " + a.horizonDays() + "d" : " by due day " + day(a.question().by().minusNanos(1)));
    }

    private static String day(java.time.Instant t) {
        return t.toString().substring(0, 10);
    }
}
