package org.phasegate.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.phasegate.problem.Hints;
import org.phasegate.problem.Position;
import org.phasegate.problem.Problems;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read field by field. Every misuse (missing, duplicate or unknown key, wrong shape)
 * becomes a located problem instead of an exception, so that one pass reports everything.
 */
final class YamlMap {
    private final Map<String, Node> values = new LinkedHashMap<>();
    private final Map<String, Node> keys = new LinkedHashMap<>();
    private final Position at;
    private final String what;
    private final Problems problems;

    private YamlMap(Position at, String what, Problems problems) {
        this.at = at;
        this.what = what;
        this.problems = problems;
    }

    static Position positionOf(Node node) {
        return new Position(node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    /** Reads a mapping node; anything else yields an empty map and a problem. */
    static YamlMap of(Node node, String what, Set<String> allowed, Problems problems) {
        var map = new YamlMap(positionOf(node), what, problems);
        if (!(node instanceof MappingNode mapping)) {
            problems.add(map.at, what + " must be a mapping (key: value lines)", "found " + describe(node));
            return map;
        }
        for (NodeTuple tuple : mapping.getValue()) map.put(tuple, allowed);
        return map;
    }

    private void put(NodeTuple tuple, Set<String> allowed) {
        Position keyAt = positionOf(tuple.getKeyNode());
        if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
            problems.add(keyAt, "a key in " + what + " is not a plain name");
            return;
        }
        String key = keyNode.getValue();
        if (!allowed.contains(key)) {
            problems.add(keyAt, "unknown field '" + key + "' in " + what, Hints.didYouMean(key, allowed));
        } else if (values.containsKey(key)) {
            problems.add(keyAt, "duplicate field '" + key + "' in " + what, "first given at line " + positionOf(keys.get(key)).line());
        } else {
            values.put(key, tuple.getValueNode());
            keys.put(key, tuple.getKeyNode());
        }
    }

    Position at() {
        return at;
    }

    Problems problems() {
        return problems;
    }

    Set<String> keys() {
        return values.keySet();
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    Optional<Node> node(String key) {
        return Optional.ofNullable(values.get(key));
    }

    Position at(String key) {
        return node(key).map(YamlMap::positionOf).orElse(at);
    }

    Optional<Node> required(String key) {
        var n = node(key);
        if (n.isEmpty()) problems.add(at, what + " is missing required field '" + key + "'");
        return n;
    }

    Optional<String> text(String key) {
        return node(key).flatMap(n -> scalar(n, what + "." + key));
    }

    String requiredText(String key) {
        return required(key).flatMap(n -> scalar(n, what + "." + key)).orElse("");
    }

    Optional<String> scalar(Node n, String field) {
        if (n instanceof ScalarNode s) return Optional.of(s.getValue());
        problems.add(positionOf(n), field + " must be a single value", "found " + describe(n));
        return Optional.empty();
    }

    /** A list of scalars; a single scalar counts as a list of one. */
    List<String> texts(String key) {
        var n = node(key);
        if (n.isEmpty()) return List.of();
        if (n.get() instanceof ScalarNode s) return List.of(s.getValue());
        var out = new ArrayList<String>();
        for (Node item : items(n.get(), what + "." + key)) scalar(item, what + "." + key + "[]").ifPresent(out::add);
        return out;
    }

    Optional<Double> number(String key) {
        return text(key).flatMap(t -> {
            try {
                return Optional.of(Double.parseDouble(t.trim()));
            } catch (NumberFormatException e) {
                problems.add(at(key), what + "." + key + " has value '" + t + "', not a number");
                return Optional.empty();
            }
        });
    }

    Optional<Boolean> bool(String key) {
        return text(key).flatMap(t -> switch (t) {
            case "true", "yes" -> Optional.of(true);
            case "false", "no" -> Optional.of(false);
            default -> {
                problems.add(at(key), what + "." + key + " has value '" + t + "', not true or false");
                yield Optional.empty();
            }
        });
    }

    List<Node> items(Node n, String field) {
        return items(n, field, problems);
    }

    static List<Node> items(Node n, String field, Problems problems) {
        if (n instanceof SequenceNode seq) return seq.getValue();
        problems.add(positionOf(n), field + " must be a list", "found " + describe(n));
        return List.of();
    }

    List<Node> list(String key) {
        return node(key).map(n -> items(n, what + "." + key)).orElse(List.of());
    }

    static String describe(Node n) {
        return switch (n) {
            case ScalarNode s -> "'" + s.getValue() + "'";
            case SequenceNode s -> "a list";
            case MappingNode m -> "a mapping";
            default -> n.getNodeId().toString();
        };
    }
}
