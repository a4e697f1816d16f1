package org.phasegate.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.phasegate.problem.Problems;
import org.phasegate.problem.Quote;
import org.phasegate.scenario.YamlMap;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a lever's {@code shifts:} list (docs/forecast.md, "Levers"): each entry either shifts a condition
 * ({@code condition}, {@code by}, optional {@code direction: raises|lowers}, optional {@code scale: log2} with
 * {@code reference}) or multiplies a number the model reads ({@code multiplies}, {@code intercept}, {@code slope}).
 * Whether the names exist in the set is checked with the whole set ({@link Params#check}).
 */
final class LeverShiftReader {
    private static final Set<String> KEYS = Set.of("condition", "by", "direction", "scale", "reference", "multiplies",
            "intercept", "slope");
    private final Problems problems;

    LeverShiftReader(Problems problems) {
        this.problems = problems;
    }

    List<LeverShift> read(List<Node> nodes, String what) {
        var out = new ArrayList<LeverShift>();
        for (Node n : nodes) one(YamlMap.of(n, what + " shift", KEYS, problems), what).ifPresent(out::add);
        return out;
    }

    private Optional<LeverShift> one(YamlMap f, String what) {
        if (f.has("condition") == f.has("multiplies")) {
            problems.add(f.at(), what + ": a shift names exactly one of 'condition' and 'multiplies'",
                    "{condition: ID, by: EFFECT-ID} or {multiplies: NAME, intercept: A, slope: B}");
            return Optional.empty();
        }
        return f.has("condition") ? condition(f, what) : multiplies(f, what);
    }

    private Optional<LeverShift> condition(YamlMap f, String what) {
        for (String k : List.of("intercept", "slope")) {
            if (f.has(k)) problems.add(f.at(k), what + ": '" + k + "' belongs to a 'multiplies' shift", "remove it");
        }
        var by = f.text("by");
        if (by.isEmpty()) {
            problems.add(f.at(), what + ": a condition shift needs 'by: EFFECT-ID'", "an assumption of this set giving the shift per unit");
            return Optional.empty();
        }
        String direction = f.text("direction").orElse("raises");
        if (!direction.equals("raises") && !direction.equals("lowers")) {
            problems.add(f.at("direction"), what + ": direction is " + Quote.of(direction), "raises (the default) or lowers");
        }
        String scale = f.text("scale").orElse("linear");
        var reference = f.text("reference");
        if (!scale.equals("linear") && !scale.equals("log2")) {
            problems.add(f.at("scale"), what + ": scale is " + Quote.of(scale), "linear (effect x value, the default) or log2 (effect x log2(1 + value / reference))");
        } else if (scale.equals("log2") != reference.isPresent()) {
            problems.add(f.at(), what + ": 'scale: log2' and 'reference' go together", "log2 needs reference: ASSUMPTION-ID; linear takes none");
            return Optional.empty();
        }
        return Optional.of(new LeverShift.Condition(f.text("condition").orElseThrow(), by.get(), direction.equals("lowers"), reference));
    }

    private Optional<LeverShift> multiplies(YamlMap f, String what) {
        for (String k : List.of("by", "direction", "scale", "reference")) {
            if (f.has(k)) problems.add(f.at(k), what + ": '" + k + "' belongs to a 'condition' shift", "remove it");
        }
        var intercept = f.node("intercept").flatMap(n -> YamlMap.number(n, what + " intercept", problems));
        var slope = f.node("slope").flatMap(n -> YamlMap.number(n, what + " slope", problems));
        if (intercept.isEmpty() || slope.isEmpty()) {
            problems.add(f.at(), what + ": a 'multiplies' shift needs 'intercept' and 'slope'", "the factor is intercept + slope x the lever's value");
            return Optional.empty();
        }
        return Optional.of(new LeverShift.Multiplies(f.text("multiplies").orElseThrow(), intercept.get(), slope.get()));
    }
}
