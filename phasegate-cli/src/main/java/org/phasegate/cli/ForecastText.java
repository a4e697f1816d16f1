package org.phasegate.cli;

import java.util.Locale;
import java.util.Optional;
import org.phasegate.forecast.Assumed;
import org.phasegate.forecast.Forecast;

/** The forecast as text: the headline probabilities with standard errors, then what drives them, then the assumptions. */
final class ForecastText {
    private ForecastText() {
    }

    static String render(Forecast f) {
        var b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Forecast for %s with assumption set '%s': %,d runs, seed %d, %s steps from the verified state of %s to %s%n%n",
                f.scenario(), f.assumptionSet(), f.runs(), f.seed(), f.stepDays() == 7 ? "weekly" : f.stepDays() + "-day",
                f.asOf().toString().substring(0, 10), f.horizon()));
        b.append("P(PHASE COMPLETE BY DATE) ± standard error\n");
        for (var p : f.phases()) {
            b.append(String.format(Locale.ROOT, "  %-8s", p.phase()));
            for (var e : p.complete().by()) b.append(String.format(Locale.ROOT, "  by %s: %s", e.date(), pct(e)));
            b.append(String.format(Locale.ROOT, "   completion date 10/50/90%%: %s / %s / %s%n", d(p.q10()), d(p.median()), d(p.q90())));
        }
        b.append("\nCEASEFIRE COLLAPSE (competing risk)\n ");
        for (var e : f.collapse().by()) b.append(String.format(Locale.ROOT, "  by %s: %s", e.date(), pct(e)));
        f.fallback().ifPresent(fb -> {
            b.append("\n  fallback (").append(String.join("; ", fb.names())).append(") ");
            for (var e : fb.outlook().by()) b.append(String.format(Locale.ROOT, "  by %s: %s", e.date(), pct(e)));
        });
        var d = f.durability();
        b.append(String.format(Locale.ROOT, "%n  baseline: durability model %s (covariates %s; Weibull shape %.3f); ceasefire %.0f days old at the start, from %s",
                d.file().isEmpty() ? "(built in code)" : d.file(), String.join(", ", d.covariates()), d.shape(), d.ceasefireAgeDays(), d.ageFrom()));
        references(b, f);
        b.append("\n\nGATES: P(open by horizon) and first-opening date 10/50/90%\n");
        for (var g : f.gates()) {
            if (g.openAtStart()) {
                b.append(String.format(Locale.ROOT, "  %-32s open at the start%n", g.gate()));
            } else {
                b.append(String.format(Locale.ROOT, "  %-32s %s   %s / %s / %s%n", g.gate(), pct(g.open()), d(g.q10()), d(g.median()), d(g.q90())));
            }
        }
        b.append(String.format(Locale.ROOT, "%nFAILURE PATHS: closed gates holding up %s on %s (share of runs)%n", f.focusPhase(), f.sensitivityDate()));
        f.blockers().stream().limit(5).forEach(x -> b.append(String.format(Locale.ROOT, "  %-32s %5.1f%% ± %.1f%n", x.gate(), 100 * x.share(), 100 * x.se())));
        f.collapse().curve().stream().filter(e -> !e.date().isAfter(f.sensitivityDate())).reduce((a, c) -> c)
                .ifPresent(e -> b.append(String.format(Locale.ROOT, "  %-32s %s%n", "(ceasefire collapsed)", pct(e))));
        if (!f.heldMeasures().isEmpty()) {
            b.append(String.format(Locale.ROOT, "%nHELD AT THEIR STARTING VALUE (no obligation or proxy moves them): %s%n", String.join(", ", f.heldMeasures())));
        }
        if (!f.sensitivity().isEmpty()) sensitivity(b, f, f.sensitivityDate().toString());
        b.append("\nASSUMPTIONS USED (name = value unit [low, high]; source)\n");
        for (Assumed a : f.assumptions()) {
            b.append(String.format(Locale.ROOT, "  %-42s = %s %s [%s, %s]; %s%n", a.id(), num(a.value()), a.unit(), num(a.low()), num(a.high()),
                    a.source().describe()));
        }
        return b.toString();
    }

    /** The scenario's reference numbers beside what the forecast computed (docs/forecast.md, "Reading the output"). */
    private static void references(StringBuilder b, Forecast f) {
        if (f.references().isEmpty()) return;
        b.append("\n\nTHE SCENARIO'S REFERENCE NUMBERS beside this forecast");
        for (var r : f.references()) {
            String against = r.horizonDays().map(d -> "collapse within " + d + " days of the ceasefire's start").orElse(r.compares());
            String ours = r.forecast().map(e -> e.date() == null ? "this set: " + num(e.p()) : "this forecast: " + pct(e)).orElse(r.horizonDays().isPresent() ? "this forecast: outside its dates" : "not in this set");
            b.append(String.format(Locale.ROOT, "%n  %-42s %s %s [%s, %s] for %s; %s; %s", r.id(), num(r.value()), r.unit(), num(r.low()), num(r.high()),
                    against, ours, r.source()));
        }
    }

    private static void sensitivity(StringBuilder b, Forecast f, String date) {
        b.append(String.format(Locale.ROOT, "%nTOP FIVE LEVERS: change in P(%s complete by %s) from low to high, others fixed%n", f.focusPhase(), date));
        f.sensitivity().stream().filter(s -> s.kind() == Assumed.Kind.LEVER).limit(5).forEach(s -> row(b, s));
        b.append(String.format(Locale.ROOT, "%nMOST INFLUENTIAL ASSUMPTIONS (tornado, common random numbers)%n"));
        f.sensitivity().stream().limit(10).forEach(s -> row(b, s));
    }

    private static void row(StringBuilder b, Forecast.Sensitivity s) {
        b.append(String.format(Locale.ROOT, "  %-42s %+6.1f pts  (%s at %s -> %s at %s)%n", s.id(), 100 * s.delta(),
                String.format(Locale.ROOT, "%.1f%%", 100 * s.pLow()), num(s.low()), String.format(Locale.ROOT, "%.1f%%", 100 * s.pHigh()), num(s.high())));
    }

    static String pct(Forecast.Estimate e) {
        return String.format(Locale.ROOT, "%6.2f%% ± %.2f", 100 * e.p(), 100 * e.se());
    }

    private static String d(Optional<java.time.LocalDate> date) {
        return date.map(Object::toString).orElse("-");
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
