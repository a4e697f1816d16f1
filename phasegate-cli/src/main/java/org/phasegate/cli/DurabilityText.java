package org.phasegate.cli;

import java.util.Locale;
import org.phasegate.durability.DurabilityModel;
import org.phasegate.durability.Provisions;
import org.phasegate.durability.RollingOrigin;
import org.phasegate.durability.Selection;
import org.phasegate.durability.TimeSplit;

/** The text `durability fit` prints: the model, why these covariates, and the out-of-sample check. */
final class DurabilityText {
    private DurabilityText() {
    }

    static String fit(DurabilityModel m, long events) {
        var w = m.weibull();
        var s = m.selection();
        var b = new StringBuilder();
        b.append(f("Weibull proportional hazards on %s: n = %d agreements, %d ended (sha256 %s)%n", m.dataset(), w.n(), events, m.sha256()));
        b.append("Data: UCDP Peace Agreement Dataset v22.1 (Högbladh 2019), CC BY 4.0\n");
        double[] k = w.shapeInterval();
        b.append(f("shape k = %.3f (95%% CI %.3f-%.3f)%s%n", w.shape(), k[0], k[1], w.shape() < 1 ? ": the hazard falls as an agreement ages" : ""));
        b.append(f("%n%-10s %-44s %7s  %s%n", "provision", "meaning", "HR", "95% CI"));
        for (String c : w.covariates()) {
            double[] ci = w.hazardRatioInterval(c);
            b.append(f("%-10s %-44s %7.2f  %.2f-%.2f%n", c, Provisions.meaning(c), w.hazardRatio(c), ci[0], ci[1]));
        }
        if (s.candidates().isEmpty()) {
            b.append(f("%nCovariates: %s, as given with --covariates (no selection)%n", String.join(", ", s.forced())));
            return b.toString();
        }
        b.append(f("%nCovariates: %s forced (the forecast asks about a ceasefire and applies peacekeeping);%n", String.join(", ", s.forced())));
        b.append(f("the rest chosen by forward selection, %d-fold cross-validation (seed %d), held-out log-likelihood:%n", s.folds(), s.seed()));
        for (Selection.Round r : s.rounds()) {
            b.append(f("  %s %-10s %9.2f -> %9.2f%s%n", r.added() ? "+" : " ", r.candidate(), r.before(), r.after(),
                    r.added() ? "" : "  not added: no better on held-out agreements"));
        }
        boolean capped = s.rounds().isEmpty() || s.rounds().get(s.rounds().size() - 1).added();
        if (capped) {
            b.append(f("  stopped: another covariate would leave fewer than %d ends per covariate (Peduzzi et al. 1995)%n",
                    Selection.EVENTS_PER_COVARIATE));
        }
        b.append(f("Candidates: %s%n", String.join(", ", s.candidates())));
        return b.toString();
    }

    static String split(TimeSplit t) {
        return f("%nOn agreements it never saw: fitted on the %d signed before %d (%d ended; covariates %s),%n"
                        + "scored on the %d signed from %d on (%d ended):%n"
                        + "  concordance %.3f (0.5 = chance)%n"
                        + "  Brier at 1 year %.4f (Kaplan-Meier base rate %.4f), at 2 years %.4f (base rate %.4f)%n",
                t.trainRows(), t.year(), t.trainEvents(), String.join(", ", t.chosen()), t.testRows(), t.year(), t.testEvents(),
                t.concordance(), t.brier1y(), t.baseBrier1y(), t.brier2y(), t.baseBrier2y());
    }

    static String crossValidation(RollingOrigin cv) {
        var b = new StringBuilder();
        b.append(f("%nTime-split cross-validation (rolling origin): each block scored by a fit, selection included, on the%n"
                + "agreements signed before it (Kaplan-Meier base rate of those agreements in brackets):%n"));
        b.append(f("  %-9s  %-12s  %-12s  %5s  %-17s  %-17s  %s%n", "block", "fit on (end)", "scored (end)", "C", "Brier 1 y (base)", "Brier 2 y (base)", "covariates"));
        for (RollingOrigin.Fold x : cv.folds()) {
            String block = x.until() == Integer.MAX_VALUE ? x.origin() + "-" : x.origin() + "-" + (x.until() - 1);
            String c = Double.isNaN(x.concordance()) ? "n/a" : f("%.3f", x.concordance());
            b.append(f("  %-9s  %-12s  %-12s  %5s  %.4f (%.4f)    %.4f (%.4f)    %s%n", block, x.trainRows() + " (" + x.trainEvents() + ")",
                    x.testRows() + " (" + x.testEvents() + ")", c, x.brier1y(), x.baseBrier1y(), x.brier2y(), x.baseBrier2y(), String.join(", ", x.chosen())));
        }
        b.append(f("  pooled over %d agreements (%d ended): concordance %.3f over %d pairs (0.5 = chance)%n", cv.scored(), cv.ended(), cv.concordance(), cv.pairs()));
        b.append(f("  Brier at 1 year %.4f (Kaplan-Meier base rate %.4f), at 2 years %.4f (base rate %.4f)%n",
                cv.brier1y(), cv.baseBrier1y(), cv.brier2y(), cv.baseBrier2y()));
        b.append(cv.censoredBefore2y() == 0
                ? "  censoring: every scored agreement was observed past 2 years (inverse-probability-of-censoring weights all 1)\n"
                : f("  censoring: %d scored agreements were observed less than 2 years without ending; they weigh 0 and the rest are%n"
                        + "  weighted by the inverse probability of being observed (IPCW, Graf et al. 1999)%n", cv.censoredBefore2y()));
        return b.toString();
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
