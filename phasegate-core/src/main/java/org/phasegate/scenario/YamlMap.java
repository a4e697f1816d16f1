package org.phasegate.scenario;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.phasegate.problem.Hints;
import org.phasegate.problem.Position;
import org.phasegate.problem.Problems;
import org.phasegate.problem.Quote;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The one YAML layer (scenarios, assumption sets, issue files): SnakeYAML nodes, which keep every value's line and
 * column, read field by field. Every misuse (missing, duplicate or unknown key, wrong shape, a number that is not
 * finite, a whole number that is not whole) becomes a located problem instead of an exception, so that one pass
 * reports everything.
 */
public final class YamlMap {
    private static final int MAX_DEPTH = 64;
    /** SnakeYAML rescans a long line as it grows (quadratic); no hand-written line comes near this. */
    static final int MAX_LINE = 100_000;
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

    /** YAML as nodes that keep their line and column; a syntax error becomes a located problem and the result null. */
    public static Node compose(String yaml, Problems problems) {
        if (tooLongLine(yaml, problems)) return null;
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);   // we report duplicates ourselves, with both lines
        options.setCodePointLimit(16 * 1024 * 1024);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setMaxAliasesForCollections(50);
        try {
            // What Yaml.compose does, without building a Yaml object: its constructor and representer tables and the
            // logger they open (System.Logger, a ServiceLoader, java.util.logging) cost a short command's start-up.
            return new Composer(new ParserImpl(new StreamReader(new StringReader(yaml)), options), new Untyped(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            var where = mark == null ? new Position(1, 1) : new Position(mark.getLine() + 1, mark.getColumn() + 1);
            problems.add(where, "YAML syntax: " + e.getProblem(), "check indentation and quoting near here");
        } catch (YAMLException e) {
            problems.add(new Position(1, 1), "YAML: " + firstLine(e.getMessage()), "check the file's structure (nesting at most "
                    + MAX_DEPTH + " levels deep)");
        }
        return null;
    }

    /**
     * Leaves every scalar a string: the readers give each value its type themselves, so SnakeYAML's implicit typing
     * (regular expressions tried on every scalar) would be work thrown away. Only tags change, which no reader reads.
     */
    private static final class Untyped extends Resolver {
        @Override
        protected void addImplicitResolvers() {
        }
    }

    private static boolean tooLongLine(String yaml, Problems problems) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= yaml.length(); i++) {
            if (i == yaml.length() || yaml.charAt(i) == '\n' || yaml.charAt(i) == '\r') {
                if (i - start > MAX_LINE) {
                    problems.add(new Position(line, MAX_LINE + 1), "line is " + (i - start) + " characters long; at most " + MAX_LINE,
                            "a YAML value this long is not a scenario's; check the file");
                    return true;
                }
                if (i < yaml.length() && yaml.charAt(i) == '\r' && i + 1 < yaml.length() && yaml.charAt(i + 1) == '\n') i++;
                line++;
                start = i + 1;
            }
        }
        return false;
    }

    public static Position positionOf(Node node) {
        return new Position(node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    /** Reads a mapping node; anything else yields an empty map and a problem. */
    public static YamlMap of(Node node, String what, Set<String> allowed, Problems problems) {
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
            problems.add(keyAt, "unknown field " + Quote.of(key) + " in " + what, Hints.didYouMean(key, allowed));
        } else if (values.containsKey(key)) {
            problems.add(keyAt, "duplicate field " + Quote.of(key) + " in " + what, "first given at line " + positionOf(keys.get(key)).line());
        } else {
            values.put(key, tuple.getValueNode());
            keys.put(key, tuple.getKeyNode());
        }
    }

    public Position at() {
        return at;
    }

    public String what() {
        return what;
    }

    public Problems problems() {
        return problems;
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public Optional<Node> node(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public Position at(String key) {
        return node(key).map(YamlMap::positionOf).orElse(at);
    }

    public Optional<Node> required(String key) {
        var n = node(key);
        if (n.isEmpty()) problems.add(at, what + " is missing required field '" + key + "'");
        return n;
    }

    public Optional<String> text(String key) {
        return node(key).flatMap(n -> scalar(n, what + "." + key));
    }

    public String requiredText(String key) {
        return required(key).flatMap(n -> scalar(n, what + "." + key)).orElse("");
    }

    public Optional<String> scalar(Node n, String field) {
        if (n instanceof ScalarNode s) return Optional.of(s.getValue());
        problems.add(positionOf(n), field + " must be a single value", "found " + describe(n));
        return Optional.empty();
    }

    /** A list of scalars; a single scalar counts as a list of one. */
    public List<String> texts(String key) {
        var n = node(key);
        if (n.isEmpty()) return List.of();
        if (n.get() instanceof ScalarNode s) return List.of(s.getValue());
        var out = new ArrayList<String>();
        for (Node item : items(n.get(), what + "." + key)) scalar(item, what + "." + key + "[]").ifPresent(out::add);
        return out;
    }

    /** A finite number; NaN, infinities and values beyond a double's range are problems, never values. */
    public Optional<Double> number(String key) {
        return node(key).flatMap(n -> number(n, what + "." + key, problems));
    }

    /** A finite number in one node; {@code field} names it in the problem. */
    public static Optional<Double> number(Node n, String field, Problems problems) {
        if (!(n instanceof ScalarNode s)) {
            problems.add(positionOf(n), field + " must be a number", "found " + describe(n));
            return Optional.empty();
        }
        var parsed = Numbers.parseFinite(s.getValue());
        if (parsed.isEmpty()) {
            problems.add(positionOf(n), field + " " + Quote.of(s.getValue()) + " is not a number", "a finite decimal, e.g. 2, 0.5 or 1e6");
        }
        return parsed;
    }

    /** A whole number from {@code min} to {@code max}; 2.5, 1e-400, 1e309 and NaN are problems, never rounded or cut. */
    public Optional<Integer> whole(String key, int min, int max) {
        return node(key).flatMap(n -> scalar(n, what + "." + key)).flatMap(t -> {
            var v = Numbers.parseWhole(t, min, max);
            if (v.isEmpty()) {
                problems.add(at(key), what + "." + key + " has value " + Quote.of(t) + ", not a whole number from " + min + " to " + max,
                        "write a whole number, e.g. " + Math.max(min, Math.min(max, 2)));
            }
            return v;
        });
    }

    public Optional<Boolean> bool(String key) {
        return text(key).flatMap(t -> switch (t) {
            case "true", "yes" -> Optional.of(true);
            case "false", "no" -> Optional.of(false);
            default -> {
                problems.add(at(key), what + "." + key + " has value " + Quote.of(t) + ", not true or false");
                yield Optional.empty();
            }
        });
    }

    public List<Node> items(Node n, String field) {
        return items(n, field, problems);
    }

    public static List<Node> items(Node n, String field, Problems problems) {
        if (n instanceof SequenceNode seq) return seq.getValue();
        problems.add(positionOf(n), field + " must be a list", "found " + describe(n));
        return List.of();
    }

    public List<Node> list(String key) {
        return node(key).map(n -> items(n, what + "." + key)).orElse(List.of());
    }

    public static String describe(Node n) {
        return switch (n) {
            case ScalarNode s -> Quote.of(s.getValue());
            case SequenceNode s -> "a list";
            case MappingNode m -> "a mapping";
            default -> n.getNodeId().toString();
        };
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return Quote.shorten(nl < 0 ? s : s.substring(0, nl));
    }

    /** Keeps {@link BigDecimal} beside the parser so the whole-number rule is in one place. */
    static boolean isWhole(BigDecimal v) {
        return v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
    }
}
