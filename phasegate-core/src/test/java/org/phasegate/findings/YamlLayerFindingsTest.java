package org.phasegate.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.phasegate.TestFiles;
import org.phasegate.bargain.IssueParseException;
import org.phasegate.bargain.IssueYamlReader;
import org.phasegate.forecast.AssumptionSetReader;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/**
 * Issue 11, finding 11: three YAML readers judged one value three ways (a drifted copy in AssumptionSetReader refused
 * NaN where YamlMap took it). With one layer, a scenario, an assumption set and an issue file refuse a number that is
 * not finite alike, at its line and column; each failed on main before the fix in at least one reader.
 */
class YamlLayerFindingsTest {
    static final String MINI = TestFiles.resource("scenarios/mini.yaml");
    static final Scenario GAZA = new ScenarioLoader().load(TestFiles.scenarios().resolve("gaza-2025.yaml"));
    static final String SCEPTIC = TestFiles.read(AssumptionSetReader.bundled(TestFiles.scenarios().resolve("gaza-2025.yaml"), "sceptic"));
    static final String ISSUES = TestFiles.read(TestFiles.scenarios().resolve("gaza-2025-issues.yaml"));

    interface Read {
        void run() throws Exception;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {".nan", ".NaN", ".inf", "-.Inf", "1e309"})
    void everyYamlReaderRefusesANumberThatIsNotFiniteAlike(String bad) {
        String scenario = MINI.replace("sum: 10,", "sum: " + bad + ",");
        String set = SCEPTIC.replace("value: 1.5\n", "value: " + bad + "\n");
        String issues = ISSUES.replaceFirst("capability: \\{value: 90,", "capability: {value: " + bad + ",");
        assertThat(List.of(scenario, set, issues)).as("each input was changed").doesNotContain(MINI, SCEPTIC, ISSUES);

        for (var problems : List.of(problems(() -> new ScenarioLoader().parse("s.yaml", scenario)),
                problems(() -> new AssumptionSetReader().parse("a.yaml", set, GAZA)),
                problems(() -> IssueYamlReader.parse("i.yaml", issues)))) {
            assertThat(problems).as(bad).anySatisfy(p -> {
                assertThat(p.message()).endsWith("'" + bad + "' is not a number");
                assertThat(p.hint()).isEqualTo("a finite decimal, e.g. 2, 0.5 or 1e6");
                assertThat(p.line()).isPositive();
                assertThat(p.column()).isPositive();
            });
        }
    }

    private static List<Problem> problems(Read read) {
        try {
            read.run();
        } catch (InvalidInputException e) {
            return e.problems();
        } catch (IssueParseException e) {
            return e.problems();
        } catch (Exception e) {
            throw new AssertionError("not a located refusal: " + e, e);
        }
        throw new AssertionError("accepted a number that is not finite");
    }
}
