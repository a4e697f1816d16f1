package org.phasegate.forecast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.phasegate.problem.Hints;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Position;
import org.phasegate.problem.Problem;
import org.phasegate.problem.Problems;
import org.phasegate.scenario.Obligation;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads an assumption set (see docs/forecast.md). Every problem is located ({@code file:line:col: message (hint)})
 * and all of them are reported at once; when a scenario is given, parties, obligation types, obligations and
 * measures are checked against it.
 */
public final class AssumptionSetReader {
    private static final Set<String> TOP = Set.of("name", "description", "sources", "assumptions", "proxies");
    private static final Set<String> SOURCE = Set.of("id", "title", "publisher", "date", "url");
    private static final Set<String> ASSUMPTION = Set.of("id", "kind", "value", "range", "unit", "source", "description", "affects",
            "if-failed", "switches");
    private static final Set<String> AFFECTS = Set.of("parties", "types");
    private static final Set<String> PROXY = Set.of("measure", "obligation", "at");

    /** The bundled set NAME of a scenario: {@code <scenario minus .yaml>.assumptions/NAME.yaml}. */
    public static Path bundled(Path scenarioFile, String name) {
        String base = scenarioFile.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return scenarioFile.resolveSibling(base + ".assumptions").resolve(name + ".yaml");
    }

    public AssumptionSet load(Path file, Scenario scenario) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidInputException(new Problem(file.toString(), 0, 0, "cannot read assumption set: " + e.getMessage(),
                    file.getParent() == null ? "check the path" : "bundled sets live in " + file.getParent()));
        }
        return parse(file.toString(), text, scenario);
    }

    /** Parses one file; {@code scenario} may be null (then nothing is checked against a scenario). */
    public AssumptionSet parse(String file, String yaml, Scenario scenario) {
        var problems = new Problems(file);
        Node root = ScenarioLoader.compose(yaml, problems);
        if (root == null) {
            if (problems.isEmpty()) problems.add(new Position(1, 1), "the assumption set is empty", "see docs/forecast.md");
            problems.throwIfAny();
        }
        var set = new Reading(file, problems, scenario).set(root);
        problems.throwIfAny();
        return set;
    }

    private static final class Reading {
        private final String file;
        private final Problems problems;
        private final Scenario scenario;
        private final Map<String, AssumptionSource> sources = new HashMap<>();

        Reading(String file, Problems problems, Scenario scenario) {
            this.file = file;
            this.problems = problems;
            this.scenario = scenario;
        }

        AssumptionSet set(Node root) {
            var top = fields(root, "the assumption set", TOP);
            String name = text(top, "name", "the assumption set").orElse(file);
            list(top.get("sources"), "sources").forEach(this::source);
            var assumptions = new ArrayList<Assumed>();
            var seen = new HashMap<String, Position>();
            for (Node n : list(top.get("assumptions"), "assumptions")) {
                assumption(n).ifPresent(a -> {
                    var first = seen.putIfAbsent(a.id(), a.at());
                    if (first != null) problems.add(a.at(), "duplicate assumption '" + a.id() + "'", "first given at line " + first.line());
                    else assumptions.add(a);
                });
            }
            if (!top.containsKey("assumptions")) problems.add(at(root), "the assumption set has no 'assumptions' list", "see docs/forecast.md");
            var proxies = new ArrayList<Proxy>();
            for (Node n : list(top.get("proxies"), "proxies")) proxy(n).ifPresent(proxies::add);
            return new AssumptionSet(name, file, assumptions, proxies);
        }

        private void source(Node n) {
            var f = fields(n, "a source", SOURCE);
            var id = text(f, "id", "a source");
            var src = sourceFields(f, n, "source");
            if (id.isEmpty()) problems.add(at(n), "a source needs an 'id'", "other entries cite it by id");
            else if (src != null && sources.putIfAbsent(id.get(), src) != null) problems.add(at(n), "duplicate source '" + id.get() + "'");
        }

        private AssumptionSource sourceFields(Map<String, Node> f, Node n, String what) {
            var title = text(f, "title", what);
            var publisher = text(f, "publisher", what);
            if (title.isEmpty() || title.get().isBlank()) problems.add(at(n), what + " needs a 'title'");
            if (publisher.isEmpty() || publisher.get().isBlank()) problems.add(at(n), what + " needs a 'publisher'");
            Optional<LocalDate> date = text(f, "date", what).flatMap(d -> {
                try {
                    return Optional.of(LocalDate.parse(d.trim()));
                } catch (DateTimeParseException e) {
                    problems.add(at(f.get("date")), what + " date '" + d + "' is not an ISO date", "write e.g. 2025-11-17");
                    return Optional.empty();
                }
            });
            if (title.isEmpty() || publisher.isEmpty()) return null;
            return new AssumptionSource(title.get(), publisher.get(), date, text(f, "url", what));
        }

        private Optional<Assumed> assumption(Node n) {
            var f = fields(n, "an assumption", ASSUMPTION);
            var id = text(f, "id", "an assumption");
            if (id.isEmpty()) {
                problems.add(at(n), "an assumption needs an 'id'", "lower-case a-z0-9-");
                return Optional.empty();
            }
            String what = "assumption '" + id.get() + "'";
            var kind = kind(f, what);
            var value = number(f.get("value"), what + " value");
            if (!f.containsKey("value")) problems.add(at(n), what + " needs a 'value'");
            double[] range = range(f.get("range"), what);
            if (!f.containsKey("range")) problems.add(at(n), what + " needs a 'range: [low, high]'", "the tornado varies it between the two");
            var unit = text(f, "unit", what);
            if (unit.isEmpty()) problems.add(at(n), what + " needs a 'unit'", "e.g. probability, days, ratio, USD");
            var source = source(f.get("source"), n, what);
            List<String> parties = List.of();
            List<String> types = List.of();
            if (f.containsKey("affects")) {
                var a = fields(f.get("affects"), what + " affects", AFFECTS);
                parties = texts(a.get("parties"), what + " affects.parties");
                types = texts(a.get("types"), what + " affects.types");
                checkAffects(a, parties, types, what);
            }
            if (kind == Assumed.Kind.CONDITION && !f.containsKey("affects")) {
                problems.add(at(n), what + " is a condition but says nothing it affects", "add affects: {parties: [...], types: [...]}");
            }
            if (value.isPresent() && range != null && (value.get() < range[0] || value.get() > range[1])) {
                problems.add(at(f.get("value")), what + " value " + value.get() + " is outside its range [" + range[0] + ", " + range[1] + "]");
            }
            if (kind == Assumed.Kind.CONDITION && range != null && (range[0] < 0 || range[1] > 1)) {
                problems.add(at(f.get("range")), what + " is a probability: its range must lie within [0, 1]");
            }
            var ifFailed = ifFailed(f, kind, what);
            var switches = text(f, "switches", what);
            if (switches.isPresent() && kind != Assumed.Kind.LEVER) {
                problems.add(at(f.get("switches")), what + " switches a scenario lever but is not a lever", "add kind: lever or remove 'switches'");
                switches = Optional.empty();
            }
            if (value.isEmpty() || range == null || unit.isEmpty() || source == null) return Optional.empty();
            return Optional.of(new Assumed(id.get(), kind, value.get(), value.get(), range[0], range[1], unit.get(),
                    text(f, "description", what).orElse("").trim().replaceAll("\\s+", " "), source, parties, types, ifFailed,
                    switches, at(n)));
        }

        /** {@code if-failed: veto | slow} (default slow), for conditions only. */
        private Assumed.IfFailed ifFailed(Map<String, Node> f, Assumed.Kind kind, String what) {
            var text = text(f, "if-failed", what);
            if (text.isEmpty()) return Assumed.IfFailed.SLOW;
            if (kind != Assumed.Kind.CONDITION) {
                problems.add(at(f.get("if-failed")), what + " has 'if-failed' but is not a condition", "add kind: condition or remove it");
                return Assumed.IfFailed.SLOW;
            }
            return switch (text.get()) {
                case "veto" -> Assumed.IfFailed.VETO;
                case "slow" -> Assumed.IfFailed.SLOW;
                default -> {
                    problems.add(at(f.get("if-failed")), what + " if-failed is '" + text.get() + "'", "veto (the obligations it governs cannot progress) or slow (by condition-failure-factor)");
                    yield Assumed.IfFailed.SLOW;
                }
            };
        }

        private Assumed.Kind kind(Map<String, Node> f, String what) {
            var k = text(f, "kind", what).orElse("assumption");
            return switch (k) {
                case "assumption" -> Assumed.Kind.ASSUMPTION;
                case "lever" -> Assumed.Kind.LEVER;
                case "condition" -> Assumed.Kind.CONDITION;
                default -> {
                    problems.add(at(f.get("kind")), what + " has unknown kind '" + k + "'", "one of assumption, lever, condition");
                    yield Assumed.Kind.ASSUMPTION;
                }
            };
        }

        private void checkAffects(Map<String, Node> a, List<String> parties, List<String> types, String what) {
            var known = new ArrayList<String>();
            for (var t : Obligation.Type.values()) known.add(t.name().toLowerCase());
            for (String t : types) {
                if (!known.contains(t)) problems.add(at(a.get("types")), what + " names unknown obligation type '" + t + "'", Hints.didYouMean(t, known));
            }
            if (scenario == null) return;
            var partyIds = scenario.parties().stream().map(p -> p.id()).toList();
            for (String p : parties) {
                if (!partyIds.contains(p)) problems.add(at(a.get("parties")), what + " names unknown party '" + p + "'", Hints.didYouMean(p, partyIds));
            }
        }

        private AssumptionSource source(Node n, Node owner, String what) {
            if (n == null) {
                problems.add(at(owner), what + " needs a 'source'", "an id from 'sources' or {title, publisher, date, url}");
                return null;
            }
            if (n instanceof ScalarNode s) {
                var src = sources.get(s.getValue());
                if (src == null) problems.add(at(n), what + " cites unknown source '" + s.getValue() + "'", Hints.didYouMean(s.getValue(), sources.keySet()));
                return src;
            }
            return sourceFields(fields(n, what + " source", SOURCE), n, what + " source");
        }

        private Optional<Proxy> proxy(Node n) {
            var f = fields(n, "a proxy", PROXY);
            var measure = text(f, "measure", "a proxy");
            var obligation = text(f, "obligation", "a proxy");
            var level = number(f.get("at"), "a proxy's 'at'");
            if (measure.isEmpty() || obligation.isEmpty() || level.isEmpty()) {
                problems.add(at(n), "a proxy needs 'measure', 'obligation' and 'at' (0..1)");
                return Optional.empty();
            }
            if (level.get() < 0 || level.get() > 1) problems.add(at(f.get("at")), "a proxy's 'at' must lie within [0, 1]");
            if (scenario != null) {
                var ms = scenario.measures().stream().map(m -> m.id()).toList();
                var os = scenario.obligations().stream().map(o -> o.id()).toList();
                if (!ms.contains(measure.get())) problems.add(at(f.get("measure")), "unknown measure '" + measure.get() + "'", Hints.didYouMean(measure.get(), ms));
                if (!os.contains(obligation.get())) problems.add(at(f.get("obligation")), "unknown obligation '" + obligation.get() + "'", Hints.didYouMean(obligation.get(), os));
            }
            return Optional.of(new Proxy(measure.get(), obligation.get(), level.get()));
        }

        private double[] range(Node n, String what) {
            if (n == null) return null;
            if (!(n instanceof SequenceNode seq) || seq.getValue().size() != 2) {
                problems.add(at(n), what + " range must be a list of two numbers [low, high]");
                return null;
            }
            var low = number(seq.getValue().get(0), what + " range low");
            var high = number(seq.getValue().get(1), what + " range high");
            if (low.isEmpty() || high.isEmpty()) return null;
            if (low.get() > high.get()) {
                problems.add(at(n), what + " range low " + low.get() + " is above high " + high.get(), "write [low, high]");
                return null;
            }
            return new double[] {low.get(), high.get()};
        }

        private Optional<Double> number(Node n, String what) {
            if (n == null) return Optional.empty();
            if (!(n instanceof ScalarNode s)) {
                problems.add(at(n), what + " must be a number");
                return Optional.empty();
            }
            try {
                double v = Double.parseDouble(s.getValue().trim());
                if (Double.isFinite(v)) return Optional.of(v);
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(at(n), what + " '" + s.getValue() + "' is not a number");
            return Optional.empty();
        }

        private Map<String, Node> fields(Node n, String what, Set<String> allowed) {
            var out = new LinkedHashMap<String, Node>();
            if (!(n instanceof MappingNode m)) {
                problems.add(at(n), what + " must be a mapping (key: value lines)");
                return out;
            }
            for (NodeTuple t : m.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) {
                    problems.add(at(t.getKeyNode()), "a key in " + what + " is not a plain name");
                } else if (!allowed.contains(k.getValue())) {
                    problems.add(at(k), "unknown field '" + k.getValue() + "' in " + what, Hints.didYouMean(k.getValue(), allowed));
                } else if (out.putIfAbsent(k.getValue(), t.getValueNode()) != null) {
                    problems.add(at(k), "duplicate field '" + k.getValue() + "' in " + what);
                }
            }
            return out;
        }

        private Optional<String> text(Map<String, Node> f, String key, String what) {
            Node n = f.get(key);
            if (n == null) return Optional.empty();
            if (n instanceof ScalarNode s) return Optional.of(s.getValue());
            problems.add(at(n), what + " field '" + key + "' must be a single value");
            return Optional.empty();
        }

        private List<String> texts(Node n, String what) {
            if (n == null) return List.of();
            if (n instanceof ScalarNode s) return List.of(s.getValue());
            var out = new ArrayList<String>();
            for (Node item : list(n, what)) {
                if (item instanceof ScalarNode s) out.add(s.getValue());
                else problems.add(at(item), what + " items must be single values");
            }
            return out;
        }

        private List<Node> list(Node n, String what) {
            if (n == null) return List.of();
            if (n instanceof SequenceNode s) return s.getValue();
            problems.add(at(n), what + " must be a list");
            return List.of();
        }

        private static Position at(Node n) {
            return n == null ? new Position(1, 1) : new Position(n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1);
        }
    }
}
