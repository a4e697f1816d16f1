package org.phasegate.bargain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

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
    @SuppressWarnings("unchecked")
    void everyActorValueIsIllustrativeWithAnAssumptionAndAKnownSource() throws Exception {
        Map<String, Object> root = new Yaml().load(Files.readString(FILE));
        Set<String> sources = new HashSet<>();
        ((List<Map<String, Object>>) root.get("sources")).forEach(s -> sources.add(String.valueOf(s.get("id"))));
        var actors = (List<Map<String, Object>>) ((Map<String, Object>) root.get("issue")).get("actors");
        int checked = 0;
        for (var actor : actors) {
            checked += check(actor.get("capability"), sources);
            for (String group : new String[] {"position", "salience"}) {
                for (Object v : ((Map<String, Object>) actor.get(group)).values()) {
                    checked += check(v, sources);
                }
            }
        }
        assertThat(checked).isEqualTo(actors.size() * 9);
    }

    @SuppressWarnings("unchecked")
    private static int check(Object value, Set<String> sources) {
        var v = (Map<String, Object>) value;
        assertThat(v.get("basis")).isEqualTo("illustrative");
        assertThat(String.valueOf(v.get("assumption"))).isNotBlank();
        assertThat(sources).contains(String.valueOf(v.get("source")));
        return 1;
    }
}
