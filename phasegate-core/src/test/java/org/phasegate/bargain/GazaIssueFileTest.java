package org.phasegate.bargain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bundled Gaza issue set: it runs, and every actor value is labelled and sourced. */
class GazaIssueFileTest {
    private static final Path FILE = Path.of(System.getProperty("phasegate.root", "..")).resolve("scenarios/gaza-2025-issues.yaml");

    @Test
    void namesTheFourIssuesAndRuns() throws Exception {
        Issue issue = IssueFiles.read(FILE);
        BargainResult r = Smp.run(issue);

        assertThat(issue.dimensions()).hasSize(4);
        assertThat(String.join("|", issue.dimensions())).contains("disarmament", "ISF mandate", "withdrawal", "Palestinian Authority");
        assertThat(r.converged()).isTrue();
    }

    @Test
    void everyActorValueIsIllustrativeWithAnAssumptionAndAKnownSource() throws Exception {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile());
        Set<String> sources = new HashSet<>();
        root.get("sources").forEach(s -> sources.add(s.get("id").asText()));
        int checked = 0;
        for (JsonNode actor : root.get("issue").get("actors")) {
            checked += check(actor.get("capability"), sources);
            for (String group : new String[] {"position", "salience"}) {
                for (JsonNode v : actor.get(group)) {
                    checked += check(v, sources);
                }
            }
        }
        assertThat(checked).isEqualTo(root.get("issue").get("actors").size() * 9);
    }

    private static int check(JsonNode v, Set<String> sources) {
        assertThat(v.get("basis").asText()).isEqualTo("illustrative");
        assertThat(v.get("assumption").asText()).isNotBlank();
        assertThat(sources).contains(v.get("source").asText());
        return 1;
    }
}
