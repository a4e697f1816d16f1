package org.phasegate.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.phasegate.TestFiles;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.scenario.ScenarioLoader;

/**
 * The bundled real evidence files are valid ledger submissions once their provenance ({@code reporter},
 * {@code attestations}, which a report may not carry) is removed: every record has its type's typed attributes and
 * place (RecordSpec), as `phasegate record add` would check them.
 */
class BundledEventsAsSubmissionsTest {
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gaza-2025", "gaza-ceasefire-2025-01", "ni-decommissioning-1998"})
    void bundled_events_without_provenance_are_valid_submissions(String name) throws Exception {
        var scenario = new ScenarioLoader().load(TestFiles.scenarios().resolve(name + ".yaml"));
        var file = TestFiles.scenarios().resolve(name + ".events.jsonl");
        var lines = TestFiles.read(file).split("\n", -1);
        var stripped = new StringBuilder();
        for (var line : lines) {
            if (line.isBlank() || line.strip().startsWith("//")) {
                stripped.append(line).append('\n');   // keep line numbers
                continue;
            }
            var obj = (ObjectNode) json.readTree(line);
            obj.remove(List.of("reporter", "attestations"));
            stripped.append(obj).append('\n');
        }
        try {
            var read = new SubmissionReader(scenario.eventsReader()).parse(file.toString(), stripped.toString(), true);
            assertThat(read).hasSize(scenario.eventsReader().read(file).size());
        } catch (InvalidInputException e) {
            throw new AssertionError(e.problems().size() + " problems:\n"
                    + e.problems().stream().map(p -> p.line() + ": " + p.message()).collect(Collectors.joining("\n")));
        }
    }
}
