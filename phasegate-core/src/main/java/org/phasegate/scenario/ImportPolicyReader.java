package org.phasegate.scenario;

import java.util.HashMap;
import java.util.List;
import java.util.Set;
import org.phasegate.problem.Hints;
import org.phasegate.problem.Problems;
import org.phasegate.problem.Quote;
import org.yaml.snakeyaml.nodes.Node;

/** Reads {@code imports: {KIND: {state: ..., origin: ...}}}, each problem at its line and column. */
final class ImportPolicyReader {
    /** The kinds of {@code phasegate import} (org.phasegate.importing.ImportKind, which the scenario package does not import). */
    static final List<String> KINDS = List.of("acled", "casualties", "ucdp", "geojson", "csv");
    private final Problems problems;

    ImportPolicyReader(Problems problems) {
        this.problems = problems;
    }

    ImportPolicy read(Node n) {
        var m = YamlMap.of(n, "imports", Set.copyOf(KINDS), problems);
        var rules = new HashMap<String, ImportPolicy.Rule>();
        for (var kind : m.keys()) {
            var r = YamlMap.of(m.node(kind).orElseThrow(), "imports." + kind, Set.of("state", "origin"), problems);
            var stateText = r.requiredText("state");
            var state = ImportPolicy.State.fromWire(stateText);
            if (state.isEmpty() && !stateText.isEmpty()) {
                var hint = Hints.didYouMean(stateText, ImportPolicy.State.wireNames());
                problems.add(r.at("state"), "imports." + kind + ".state " + Quote.of(stateText) + " is not a verification state",
                        hint.isEmpty() ? "one of " + String.join(", ", ImportPolicy.State.wireNames()) : hint);
            }
            var originText = r.text("origin").orElse("external");
            var origin = ImportPolicy.Origin.fromWire(originText);
            if (origin.isEmpty()) problems.add(r.at("origin"), "imports." + kind + ".origin " + Quote.of(originText) + " is not external or internal");
            if (state.isPresent() && origin.isPresent()) rules.put(kind, new ImportPolicy.Rule(state.get(), origin.get()));
        }
        return new ImportPolicy(rules);
    }
}
