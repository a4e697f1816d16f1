package org.phasegate.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/** Modules exist only where the scenario declares them; levers and proxies are the set's own (docs/forecast.md). */
class ScenarioModulesTest {
    static final java.nio.file.Path NI_FILE = Sets.REPO.resolve("scenarios/ni-decommissioning-1998.yaml");

    @Test
    void aGazaOnlyAssumptionInTheNorthernIrelandSetIsRejectedWhereItIsWritten() throws Exception {
        Scenario ni = new ScenarioLoader().load(NI_FILE);
        var file = AssumptionSetReader.bundled(NI_FILE, "sceptic");
        String text = Files.readString(file).replace("\nassumptions:\n", """

                assumptions:
                  - id: casualty-shock-per-week
                    value: 0.006
                    range: [0.002, 0.03]
                    unit: probability per week
                    source: judgement-1998
                """);
        int line = (int) text.lines().takeWhile(l -> !l.contains("id: casualty-shock-per-week")).count() + 1;
        var set = new AssumptionSetReader().parse(file.toString(), text, ni);
        assertThatThrownBy(() -> new Forecaster().forecast(ni, StartingState.empty(ni, ni.start()), set, ForecastValidationTest.options(10, 30)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::render)
                        .containsExactly(file + ":" + line + ":5: 'casualty-shock-per-week' is read only when the scenario declares contributor"
                                + " withdrawal (forecast: contributor-withdrawal), and this scenario does not (remove it from the set, or declare"
                                + " the module in the scenario (docs/scenario-format.md))"));
    }

    @Test
    void proxyLevelsAreReadOffALineThroughZeroAndTheirPoints() {
        var p = new Proxy("acts", "decommission", 1, List.of(new Proxy.Level(3, 0.75), new Proxy.Level(1, 0.25)));
        assertThat(p.shareAt(1)).isEqualTo(0.25);
        assertThat(p.shareAt(2)).isEqualTo(0.5);
        assertThat(p.shareAt(0.5)).isEqualTo(0.125);
        assertThat(p.shareAt(5)).as("beyond the last point").isEqualTo(0.75);
        assertThat(new Proxy("m", "o", 0.4).shareAt(99)).as("one level for every threshold").isEqualTo(0.4);
        assertThatThrownBy(() -> new Proxy("m", "o", 1, List.of(new Proxy.Level(1, 0.5), new Proxy.Level(2, 0.25))))
                .hasMessageContaining("must not fall");
    }

    @Test
    void aSetLeverMovesTheConditionItNamesAndABadShiftIsLocated() {
        Scenario s = new ScenarioLoader().parse("three.yaml", ForecastValidationTest.THREE);
        String set = """
                name: lever-test
                durability-model: %s
                sources: [{id: t, title: Test, publisher: Tests}]
                assumptions:
                  - {id: ca, kind: condition, if-failed: veto, value: 0.5, range: [0, 1], unit: probability, source: t, affects: {parties: [a]}}
                  - {id: push, kind: lever, value: 1, range: [0, 2], unit: units, source: t, shifts: [{condition: ca, by: push-effect}]}
                  - {id: push-effect, value: 1.0, range: [0, 2], unit: probit per unit, source: t}
                """.formatted(Sets.REPO.resolve("scenarios/durability/ucdp-pad-1975-2004.cease-pko.model.json"));
        var read = new AssumptionSetReader().parse("lever.yaml", set, s);
        var quiet = Sets.quiet(read.assumptions().toArray(Assumed[]::new));
        var o = new ForecastOptions(3, 4000, 2, 7, 120, List.of(), "phase-1", 0, java.util.Optional.empty());
        var start = StartingState.empty(s, Instant.parse("2026-01-01T00:00:00Z"));
        double at = new Forecaster().forecast(s, start, quiet, o).phase("phase-1").orElseThrow().complete().curve().getLast().p();
        double up = new Forecaster().forecast(s, start, quiet.with("push", 2), o).phase("phase-1").orElseThrow().complete().curve().getLast().p();
        double down = new Forecaster().forecast(s, start, quiet.with("push", 0), o).phase("phase-1").orElseThrow().complete().curve().getLast().p();
        double se = Math.sqrt(0.25 / 4000);
        // phase 1 needs a's obligation, vetoed unless ca holds: P = P(Z < Φ⁻¹(0.5) + shift) = Φ(shift), shift = ±1
        assertThat(at).as("at the stated value, the stated 0.5").isCloseTo(0.5, org.assertj.core.data.Offset.offset(4 * se));
        assertThat(up).as("one unit up: Φ(1)").isCloseTo(0.8413, org.assertj.core.data.Offset.offset(4 * se));
        assertThat(down).as("one unit down: Φ(-1)").isCloseTo(0.1587, org.assertj.core.data.Offset.offset(4 * se));
        String bad = set.replace("by: push-effect", "by: push-efect");
        var badSet = Sets.quiet(new AssumptionSetReader().parse("lever.yaml", bad, s).assumptions().toArray(Assumed[]::new));
        assertThatThrownBy(() -> new Forecaster().forecast(s, start, badSet, o)).hasMessageContaining("lever 'push' shifts by 'push-efect', which is not an assumption of the set");
    }

    @Test
    void aScenarioAssumptionThatComparesNothingIsALocatedErrorAndACollapseReferenceIsShownBesideTheCurve() {
        String text = ForecastValidationTest.THREE + """
                assumptions:
                  - {id: idle, value: 0.3, range: [0.2, 0.4], unit: probability, source: doc}
                  - {id: no-horizon, compares: collapse, value: 0.3, range: [0.2, 0.4], unit: probability, source: doc}
                """;
        assertThatThrownBy(() -> new ScenarioLoader().parse("a.yaml", text))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::render).containsExactly(
                        "a.yaml:13:5: assumption 'idle' compares nothing, so nothing reads it (add compares: collapse (with horizon: e.g. 365d)"
                                + " or compares: NAME of an assumption-set entry, or remove it)",
                        "a.yaml:14:5: assumption 'no-horizon' compares the collapse but gives no 'horizon' (the time from the ceasefire's start"
                                + " it refers to, e.g. horizon: 365d)"));
        String good = ForecastValidationTest.THREE + """
                assumptions:
                  - {id: one-year, compares: collapse, horizon: 28d, value: 0.3, range: [0.2, 0.4], unit: probability, source: doc}
                  - {id: pace, compares: compliance-weekly, value: 0.5, range: [0.2, 0.9], unit: probability, source: doc}
                """;
        Scenario s = new ScenarioLoader().parse("a.yaml", good);
        var f = new Forecaster().forecast(s, StartingState.empty(s, Instant.parse("2026-01-01T00:00:00Z")), Sets.quiet(), ForecastValidationTest.options(10, 60));
        assertThat(f.references()).extracting(Forecast.Reference::id).containsExactly("one-year", "pace");
        assertThat(f.references().get(0).forecast().orElseThrow().date()).as("the curve's point 28 days after the start").isEqualTo(java.time.LocalDate.of(2026, 1, 29));
        assertThat(f.references().get(1).forecast().orElseThrow().p()).as("the set's compliance-weekly").isEqualTo(1.0);
    }
}
