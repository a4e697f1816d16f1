package org.phasegate.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.phasegate.TestFiles;
import org.phasegate.durability.AgreementReader;
import org.phasegate.score.Question;

/**
 * The base rate against the Kaplan–Meier shares that ../shared/data/README.md publishes for the UCDP file's
 * ceasefire agreements (cease = 1, n = 106): ended 20% by 3 months, 28% by 6, 35% by 1 year.
 */
class BaseRateTest {
    private static final Jan2025 JAN = new Jan2025();
    private static final BaseRate BASE = BaseRate.of(new AgreementReader().read(TestFiles.sharedData().resolve("agreements/ucdp-pad-1975-2004.csv")), JAN.scenario);
    /** When the ceasefire took effect: the holding gate opened then. */
    private static final Instant IN_FORCE = Instant.parse("2025-01-19T09:15:00Z");

    /** The collapse base rate asked at {@code ageDays} of the ceasefire about {@code horizonDays} ahead, knowing only the first day's records. */
    private static double collapse(double ageDays, double horizonDays) {
        Instant asOf = IN_FORCE.plusSeconds(Math.round(ageDays * 86400));
        var report = new org.phasegate.gate.GateEngine(JAN.scenario).status(JAN.until(IN_FORCE.plusSeconds(86400)), asOf);
        var q = new Question.CollapseBy("ceasefire-holding", asOf.plusSeconds(Math.round(horizonDays * 86400)));
        return BASE.estimate(q, report).p();
    }

    @Test
    void theReferenceClassIsTheCeasefireAgreementsOfTheFile() {
        assertThat(BASE.referenceClass()).contains("cease = 1", "n = 106");
    }

    @Test
    void atTheStartItIsTheShareThatEndedWithinTheHorizon() {
        assertThat(collapse(0, 91.3)).isCloseTo(0.20, within(0.006));
        assertThat(collapse(0, 365.25)).isCloseTo(0.35, within(0.006));
    }

    @Test
    void laterItIsConditionalOnHavingLastedSoFar() {
        double expected = 1 - (1 - 0.35) / (1 - 0.28);   // P(ended by 1 year | in force at 6 months), from the published shares
        assertThat(collapse(182.6, 182.6)).isCloseTo(expected, within(0.01));
    }

    @Test
    void theCollapseDateIsAnEnsembleOfTheCurvesQuantiles() {
        Instant asOf = IN_FORCE;
        var report = new org.phasegate.gate.GateEngine(JAN.scenario).status(JAN.until(IN_FORCE.plusSeconds(86400)), asOf);
        var c = BASE.completion(new Question.CollapseBy("ceasefire-holding", asOf.plusSeconds(86400 * 365)), report, 365.25).orElseThrow();
        assertThat(c.runs()).isEqualTo(BaseRate.MEMBERS);
        assertThat(c.completedByHorizon()).isCloseTo(0.35, within(0.006));
        assertThat(BASE.completion(new Question.PhaseCompleteBy("phase-1", asOf.plusSeconds(86400)), report, 30)).isEmpty();
    }

    @Test
    void gatesAndPhasesGetTheNamedUninformativeRate() {
        var report = JAN.status(IN_FORCE);
        var gate = BASE.estimate(new Question.GateOpenBy("phase-2-start", IN_FORCE.plusSeconds(86400 * 30)), report);
        var phase = BASE.estimate(new Question.PhaseCompleteBy("phase-1", IN_FORCE.plusSeconds(86400 * 30)), report);
        assertThat(gate.p()).isEqualTo(0.5);
        assertThat(phase.p()).isEqualTo(0.5);
        assertThat(gate.basis()).startsWith("uninformative");
    }
}
