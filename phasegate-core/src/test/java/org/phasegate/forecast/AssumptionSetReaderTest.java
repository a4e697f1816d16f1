package org.phasegate.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import org.phasegate.scenario.Scenario;

class AssumptionSetReaderTest {
    static final Scenario GAZA = Sets.gaza();

    @Test
    void bothBundledSetsLoadWithASourceForEveryAssumption() {
        for (String name : new String[] {"sceptic", "leverage"}) {
            var set = Sets.bundled(GAZA, name);
            assertThat(set.name()).isEqualTo(name);
            assertThat(set.assumptions()).hasSizeGreaterThan(30).allSatisfy(a -> {
                assertThat(a.source().title()).isNotBlank();
                assertThat(a.source().publisher()).isNotBlank();
                assertThat(a.low()).isLessThanOrEqualTo(a.value());
                assertThat(a.high()).isGreaterThanOrEqualTo(a.value());
            });
            assertThat(set.assumptions().stream().filter(a -> a.kind() == Assumed.Kind.CONDITION).map(Assumed::id))
                    .containsExactlyInAnyOrder("armed-group-disarms", "arab-states-police", "israel-trusts-monitors", "us-commits");
        }
        var sceptic = Sets.bundled(GAZA, "sceptic");
        var leverage = Sets.bundled(GAZA, "leverage");
        assertThat(sceptic.assumptions().stream().map(Assumed::id)).containsExactlyElementsOf(leverage.assumptions().stream().map(Assumed::id).toList());
    }

    @Test
    void problemsAreLocatedAndAllReportedAtOnce() {
        String yaml = """
                name: broken
                sources:
                  - {id: s1, title: A source, publisher: Someone}
                assumptions:
                  - id: compliance-weekly
                    value: lots
                    range: [0.4, 0.9]
                    unit: probability
                    source: s1
                  - id: stall-days
                    value: 500
                    range: [60, 180]
                    unit: days
                    source: nowhere
                    colour: red
                  - id: armed-group-disarms
                    kind: condition
                    value: 0.5
                    range: [0, 1]
                    unit: probability
                    source: s1
                    affects: {parties: [hamaz], types: [decommisioning]}
                """;
        assertThatThrownBy(() -> new AssumptionSetReader().parse("b.yaml", yaml, GAZA))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::render)
                        .anySatisfy(p -> assertThat(p).startsWith("b.yaml:6:12: ").contains("'lots' is not a number"))
                        .anySatisfy(p -> assertThat(p).startsWith("b.yaml:11:12: ").contains("outside its range"))
                        .anySatisfy(p -> assertThat(p).startsWith("b.yaml:14:13: ").contains("unknown source 'nowhere'"))
                        .anySatisfy(p -> assertThat(p).startsWith("b.yaml:15:5: ").contains("unknown field 'colour'"))
                        .anySatisfy(p -> assertThat(p).contains("unknown party 'hamaz'").contains("did you mean 'hamas'?"))
                        .anySatisfy(p -> assertThat(p).contains("unknown obligation type 'decommisioning'").contains("did you mean 'decommissioning'?")));
    }

    @Test
    void yamlSyntaxErrorsAreLocated() {
        assertThatThrownBy(() -> new AssumptionSetReader().parse("s.yaml", "name: x\nassumptions: [\n", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().line()).isPositive()
                        .satisfies(l -> assertThat(e.problems().getFirst().message()).startsWith("YAML syntax")));
    }

    @Test
    void aMissingRequiredAssumptionIsNamed() throws Exception {
        String text = Files.readString(AssumptionSetReader.bundled(Sets.GAZA, "sceptic")).replace("id: stall-days", "id: stall-dayz");
        var set = new AssumptionSetReader().parse(AssumptionSetReader.bundled(Sets.GAZA, "sceptic").toString(), text, GAZA);
        assertThatThrownBy(() -> new Forecaster().forecast(GAZA, StartingState.empty(GAZA, GAZA.start()), set, ForecastOptions.defaults(1, 10)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::render)
                        .anySatisfy(p -> assertThat(p).contains("'stall-days' is missing")));
    }

    @Test
    void namesTheModelDoesNotReadAreErrorsNotSilentNoOps() throws Exception {
        String text = Files.readString(AssumptionSetReader.bundled(Sets.GAZA, "sceptic"))
                .replace("id: buyback-effect", "id: buyback-efect").replace("id: duration-aid", "id: duration-aide");
        var set = new AssumptionSetReader().parse(AssumptionSetReader.bundled(Sets.GAZA, "sceptic").toString(), text, GAZA);
        assertThatThrownBy(() -> new Forecaster().forecast(GAZA, StartingState.empty(GAZA, GAZA.start()), set, ForecastOptions.defaults(1, 10)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::render)
                        .anySatisfy(p -> assertThat(p).contains("does not read an assumption named 'buyback-efect'", "did you mean 'buyback-effect'?"))
                        .anySatisfy(p -> assertThat(p).contains("'duration-aide' names 'aide', which is not in the scenario")));
    }

    @Test
    void overridesAreCheckedByNameNumberAndRange() {
        var set = Sets.bundled(GAZA, "sceptic");
        assertThat(set.override(Map.of("compliance-weekly", "0.9")).find("compliance-weekly").orElseThrow().value()).isEqualTo(0.9);
        assertThatThrownBy(() -> set.override(Map.of("complience-weekly", "0.9")))
                .hasMessageContaining("--set complience-weekly=0.9: unknown assumption 'complience-weekly'")
                .hasMessageContaining("did you mean 'compliance-weekly'?");
        assertThatThrownBy(() -> set.override(Map.of("compliance-weekly", "2")))
                .hasMessageContaining("outside its plausible range [0.5, 0.95]");
        assertThatThrownBy(() -> set.override(Map.of("compliance-weekly", "high")))
                .hasMessageContaining("'high' is not a number");
    }

    @Test
    void aLeverThatSwitchesAScenarioLeverTakesOnlyTheEndsOfItsRange() {
        var set = Sets.bundled(GAZA, "sceptic");
        var lever = set.find("reconstruction-conditional").orElseThrow();
        assertThat(lever.discreteValues()).containsExactly(0.0, 1.0);
        assertThat(set.find("pressure-hamas").orElseThrow().discreteValues()).isEmpty();
        assertThat(set.override(Map.of("reconstruction-conditional", "0")).find("reconstruction-conditional").orElseThrow().value()).isEqualTo(0.0);
        assertThatThrownBy(() -> set.override(Map.of("reconstruction-conditional", "0.5")))
                .hasMessageContaining("--set reconstruction-conditional=0.5: reconstruction-conditional = 0.5 is not one of its values 0 or 1")
                .hasMessageContaining("switches conditional-reconstruction off or on");
    }
}
