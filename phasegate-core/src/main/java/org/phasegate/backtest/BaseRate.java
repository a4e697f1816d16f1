package org.phasegate.backtest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import org.phasegate.durability.AgreementData;
import org.phasegate.durability.KaplanMeier;
import org.phasegate.gate.GateState;
import org.phasegate.gate.StatusReport;
import org.phasegate.scenario.Scenario;
import org.phasegate.score.CompletionForecast;
import org.phasegate.score.Question;

/**
 * The base-rate forecaster the model is scored beside: rates from the durability data and the scenario's reference
 * class, never from the outcome. A collapse by D is the Kaplan–Meier share of the reference class that ended within
 * the ceasefire's age at D plus the horizon among those still in force at its age:
 * 1 − S(age + h) / S(age). The reference class is the file's agreements with the scenario's own {@code cease}
 * provision (all of them when the scenario codes none). No data we hold says how often a gate of an agreement
 * opens, or a phase completes, within h days (UCDP records when agreements ended, PA-X what they contain), so
 * those questions get {@link #UNINFORMATIVE}, a named 0.5; see docs/scoring.md.
 */
public record BaseRate(String referenceClass, KaplanMeier survival) {

    /** The forecast of a forecaster that knows nothing of the question: Brier 0.25, log score ln 2, whatever happens. */
    public static final double UNINFORMATIVE = 0.5;

    /** A base rate and what it was read from. */
    public record Estimate(double p, String basis) {
        public Estimate {
            if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("base rate " + p + " is outside [0, 1]");
        }
    }

    public static BaseRate of(AgreementData data, Scenario s) {
        var cease = s.provisions().map(p -> p.codes().get("cease"));
        if (cease.isEmpty() || cease.get() == null) {
            return new BaseRate(data.source() + ", all agreements (n = " + data.rows() + ")", KaplanMeier.of(data.agreements()));
        }
        int c = cease.get();
        var agreements = data.where(a -> a.provision("cease") == c);
        return new BaseRate(String.format(Locale.ROOT, "%s, agreements %s a ceasefire provision as this scenario (cease = %d, n = %d)",
                data.source(), c == 1 ? "with" : "without", c, agreements.size()), KaplanMeier.of(agreements));
    }

    /** The base rate of {@code q} asked at {@code atAsOf}'s time. */
    public Estimate estimate(Question q, StatusReport atAsOf) {
        return switch (q) {
            case Question.CollapseBy c -> collapse(c, atAsOf);
            case Question.GateOpenBy g -> uninformative();
            case Question.PhaseCompleteBy p -> uninformative();
        };
    }

    /** Members of the ensemble that stands for the Kaplan–Meier curve in the CRPS: its quantiles at (i + 0.5) / m. */
    static final int MEMBERS = 1000;

    /**
     * The collapse date as the reference class's conditional curve gives it, over {@code horizonDays} from the as-of
     * date: an ensemble of {@link #MEMBERS} quantiles of F(x) = 1 − S(age + x) / S(age); members beyond the horizon
     * are not completed. Empty for gates and phases: no data gives their dates.
     */
    public Optional<CompletionForecast> completion(Question q, StatusReport atAsOf, double horizonDays) {
        if (!(q instanceof Question.CollapseBy c)) return Optional.empty();
        double age = age(c, atAsOf);
        double s0 = survival.survival(age);
        var days = new ArrayList<Double>();
        int member = 0;
        for (KaplanMeier.Step st : survival.steps()) {
            double x = st.day() - age;
            if (x <= 0) continue;
            if (x > horizonDays) break;
            double f = s0 <= 0 ? 1 : 1 - st.survival() / s0;
            while (member < MEMBERS && (member + 0.5) / MEMBERS <= f) {
                days.add(x);
                member++;
            }
        }
        return Optional.of(new CompletionForecast(days.stream().mapToDouble(Double::doubleValue).toArray(), MEMBERS - member, horizonDays));
    }

    private static double age(Question.CollapseBy c, StatusReport atAsOf) {
        Instant asOf = atAsOf.asOf();
        return days(atAsOf.gate(c.holdingGate()).flatMap(GateState::openedAt).orElse(asOf), asOf);
    }

    private Estimate collapse(Question.CollapseBy c, StatusReport atAsOf) {
        Instant asOf = atAsOf.asOf();
        double age = age(c, atAsOf);
        double end = age + days(asOf, c.by());
        double s0 = survival.survival(age);
        double p = s0 <= 0 ? 1 : 1 - survival.survival(end) / s0;
        return new Estimate(p, String.format(Locale.ROOT, "Kaplan-Meier, %s: P(ended by day %.0f | in force at day %.0f)", referenceClass, end, age));
    }

    private static Estimate uninformative() {
        return new Estimate(UNINFORMATIVE, "uninformative 0.5: no data on how often such a gate opens or phase completes");
    }

    private static double days(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds() / 86400.0;
    }
}
