package org.phasegate.forecast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.phasegate.durability.DurabilityModel;
import org.phasegate.durability.ModelJson;
import org.phasegate.problem.Hints;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Position;
import org.phasegate.problem.Problem;
import org.phasegate.problem.Problems;
import org.phasegate.problem.TextFile;
import org.phasegate.problem.Quote;
import org.phasegate.scenario.Obligation;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;
import org.phasegate.scenario.YamlMap;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads an assumption set (see docs/forecast.md). Every problem is located ({@code file:line:col: message (hint)})
 * and all of them are reported at once; when a scenario is given, parties, obligation types, obligations and
 * measures are checked against it.
 */
public final class AssumptionSetReader {
    private static final Set<String> TOP = Set.of("name", "description", "sources", "assumptions", "proxies", "durability-model");
    private static final Set<String> SOURCE = Set.of("id", "title", "publisher", "date", "url");
    private static final Set<String> ASSUMPTION = Set.of("id", "kind", "value", "range", "unit", "source", "description", "affects",
            "if-failed", "switches", "shifts");
    private static final Set<String> AFFECTS = Set.of("parties", "types");
    private static final Set<String> PROXY = Set.of("measure", "obligation", "at", "levels");

    /** The bundled set NAME of a scenario: {@code <scenario minus .yaml>.assumptions/NAME.yaml}. */
    public static Path bundled(Path scenarioFile, String name) {
        String base = scenarioFile.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return scenarioFile.resolveSibling(base + ".assumptions").resolve(name + ".yaml");
    }

    public AssumptionSet load(Path file, Scenario scenario) {
        return parse(file.toString(), TextFile.read(file, "assumption set"), scenario);
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
            var top = YamlMap.of(root, "the assumption set", TOP, problems);
            String name = top.text("name").orElse(file);
            top.list("sources").forEach(this::source);
            var assumptions = new ArrayList<Assumed>();
            var seen = new HashMap<String, Position>();
            for (Node n : top.list("assumptions")) {
                assumption(n).ifPresent(a -> {
                    var first = seen.putIfAbsent(a.id(), a.at());
                    if (first != null) problems.add(a.at(), "duplicate assumption " + Quote.of(a.id()), "first given at line " + first.line());
                    else assumptions.add(a);
                });
            }
            if (!top.has("assumptions")) problems.add(top.at(), "the assumption set has no 'assumptions' list", "see docs/forecast.md");
            var proxies = new ArrayList<Proxy>();
            for (Node n : top.list("proxies")) proxy(n).ifPresent(proxies::add);
            var durability = top.text("durability-model").flatMap(path -> durability(path, top.at("durability-model")));
            return new AssumptionSet(name, file, assumptions, proxies, durability, top.text("durability-model").orElse(""));
        }

        /** MODEL.json named relative to the set's own file; a model that cannot be read is a problem at this line. */
        private Optional<DurabilityModel> durability(String path, Position at) {
            var parent = Path.of(file).toAbsolutePath().getParent();
            var resolved = parent == null ? Path.of(path) : parent.resolve(path).normalize();
            try {
                return Optional.of(ModelJson.load(resolved));
            } catch (InvalidInputException e) {
                for (var p : e.problems()) {
                    String where = p.line() > 0 ? resolved + ":" + p.line() + ":" + p.column() : resolved.toString();
                    problems.add(at, "durability-model " + Quote.of(path) + " cannot be used: " + where + ": " + p.message(), p.hint());
                }
                return Optional.empty();
            }
        }

        private void source(Node n) {
            var f = YamlMap.of(n, "a source", SOURCE, problems);
            var id = f.text("id");
            var src = sourceFields(f, "source");
            if (id.isEmpty()) problems.add(f.at(), "a source needs an 'id'", "other entries cite it by id");
            else if (src != null && sources.putIfAbsent(id.get(), src) != null) problems.add(f.at(), "duplicate source " + Quote.of(id.get()));
        }

        private AssumptionSource sourceFields(YamlMap f, String what) {
            var title = f.text("title");
            var publisher = f.text("publisher");
            if (title.isEmpty() || title.get().isBlank()) problems.add(f.at(), what + " needs a 'title'");
            if (publisher.isEmpty() || publisher.get().isBlank()) problems.add(f.at(), what + " needs a 'publisher'");
            Optional<LocalDate> date = f.text("date").flatMap(d -> {
                try {
                    return Optional.of(LocalDate.parse(d.trim()));
                } catch (DateTimeParseException e) {
                    problems.add(f.at("date"), what + " date " + Quote.of(d) + " is not an ISO date", "write e.g. 2025-11-17");
                    return Optional.empty();
                }
            });
            if (title.isEmpty() || title.get().isBlank() || publisher.isEmpty() || publisher.get().isBlank()) return null;
            return new AssumptionSource(title.get(), publisher.get(), date, f.text("url"));
        }

        private Optional<Assumed> assumption(Node n) {
            var f = YamlMap.of(n, "an assumption", ASSUMPTION, problems);
            var id = f.text("id");
            if (id.isEmpty()) {
                problems.add(f.at(), "an assumption needs an 'id'", "lower-case a-z0-9-");
                return Optional.empty();
            }
            String what = "assumption " + Quote.of(id.get());
            var kind = kind(f, what);
            var value = f.node("value").flatMap(v -> YamlMap.number(v, what + " value", problems));
            if (!f.has("value")) problems.add(f.at(), what + " needs a 'value'");
            double[] range = range(f, what);
            if (!f.has("range")) problems.add(f.at(), what + " needs a 'range: [low, high]'", "the tornado varies it between the two");
            var unit = f.text("unit");
            if (unit.isEmpty()) problems.add(f.at(), what + " needs a 'unit'", "e.g. probability, days, ratio, USD");
            var source = source(f, what);
            List<String> parties = List.of();
            List<String> types = List.of();
            if (f.has("affects")) {
                var a = YamlMap.of(f.node("affects").orElseThrow(), what + " affects", AFFECTS, problems);
                parties = a.texts("parties");
                types = a.texts("types");
                checkAffects(a, parties, types, what);
            }
            if (kind == Assumed.Kind.CONDITION && !f.has("affects")) {
                problems.add(f.at(), what + " is a condition but says nothing it affects", "add affects: {parties: [...], types: [...]}");
            }
            if (value.isPresent() && range != null && (value.get() < range[0] || value.get() > range[1])) {
                problems.add(f.at("value"), what + " value " + value.get() + " is outside its range [" + range[0] + ", " + range[1] + "]");
            }
            if (kind == Assumed.Kind.CONDITION && range != null && (range[0] < 0 || range[1] > 1)) {
                problems.add(f.at("range"), what + " is a probability: its range must lie within [0, 1]");
            }
            var ifFailed = ifFailed(f, kind, what);
            var switches = f.text("switches");
            if (switches.isPresent() && kind != Assumed.Kind.LEVER) {
                problems.add(f.at("switches"), what + " switches a scenario lever but is not a lever", "add kind: lever or remove 'switches'");
                switches = Optional.empty();
            }
            var shifts = new LeverShiftReader(problems).read(f.list("shifts"), what);
            if (f.has("shifts") && kind != Assumed.Kind.LEVER) {
                problems.add(f.at("shifts"), what + " shifts something but is not a lever", "add kind: lever or remove 'shifts'");
                shifts = List.of();
            }
            if (value.isEmpty() || range == null || unit.isEmpty() || source == null) return Optional.empty();
            return Optional.of(new Assumed(id.get(), kind, value.get(), value.get(), range[0], range[1], unit.get(),
                    f.text("description").orElse("").trim().replaceAll("\\s+", " "), source, parties, types, ifFailed,
                    switches, f.at(), shifts));
        }

        /** {@code if-failed: veto | slow} (default slow), for conditions only. */
        private Assumed.IfFailed ifFailed(YamlMap f, Assumed.Kind kind, String what) {
            var text = f.text("if-failed");
            if (text.isEmpty()) return Assumed.IfFailed.SLOW;
            if (kind != Assumed.Kind.CONDITION) {
                problems.add(f.at("if-failed"), what + " has 'if-failed' but is not a condition", "add kind: condition or remove it");
                return Assumed.IfFailed.SLOW;
            }
            return switch (text.get()) {
                case "veto" -> Assumed.IfFailed.VETO;
                case "slow" -> Assumed.IfFailed.SLOW;
                default -> {
                    problems.add(f.at("if-failed"), what + " if-failed is " + Quote.of(text.get()), "veto (the obligations it governs cannot progress) or slow (by condition-failure-factor)");
                    yield Assumed.IfFailed.SLOW;
                }
            };
        }

        private Assumed.Kind kind(YamlMap f, String what) {
            var k = f.text("kind").orElse("assumption");
            return switch (k) {
                case "assumption" -> Assumed.Kind.ASSUMPTION;
                case "lever" -> Assumed.Kind.LEVER;
                case "condition" -> Assumed.Kind.CONDITION;
                default -> {
                    problems.add(f.at("kind"), what + " has unknown kind " + Quote.of(k), "one of assumption, lever, condition");
                    yield Assumed.Kind.ASSUMPTION;
                }
            };
        }

        private void checkAffects(YamlMap a, List<String> parties, List<String> types, String what) {
            var known = new ArrayList<String>();
            for (var t : Obligation.Type.values()) known.add(t.name().toLowerCase());
            for (String t : types) {
                if (!known.contains(t)) problems.add(a.at("types"), what + " names unknown obligation type " + Quote.of(t), Hints.didYouMean(t, known));
            }
            if (scenario == null) return;
            var partyIds = scenario.parties().stream().map(p -> p.id()).toList();
            for (String p : parties) {
                if (!partyIds.contains(p)) problems.add(a.at("parties"), what + " names unknown party " + Quote.of(p), Hints.didYouMean(p, partyIds));
            }
        }

        private AssumptionSource source(YamlMap owner, String what) {
            var n = owner.node("source");
            if (n.isEmpty()) {
                problems.add(owner.at(), what + " needs a 'source'", "an id from 'sources' or {title, publisher, date, url}");
                return null;
            }
            if (n.get() instanceof ScalarNode s) {
                var src = sources.get(s.getValue());
                if (src == null) problems.add(owner.at("source"), what + " cites unknown source " + Quote.of(s.getValue()), Hints.didYouMean(s.getValue(), sources.keySet()));
                return src;
            }
            return sourceFields(YamlMap.of(n.get(), what + " source", SOURCE, problems), what + " source");
        }

        /** {@code {measure, obligation, at}} or {@code {measure, obligation, levels: [[value, share], ...]}}. */
        private Optional<Proxy> proxy(Node n) {
            var f = YamlMap.of(n, "a proxy", PROXY, problems);
            var measure = f.text("measure");
            var obligation = f.text("obligation");
            var level = f.node("at").flatMap(a -> YamlMap.number(a, "a proxy's 'at'", problems));
            var levels = levels(f);
            if (measure.isEmpty() || obligation.isEmpty() || level.isPresent() == levels.isPresent()) {
                problems.add(f.at(), "a proxy needs 'measure', 'obligation' and one of 'at' (0..1) and 'levels: [[value, share], ...]'");
                return Optional.empty();
            }
            if (level.isPresent() && (level.get() < 0 || level.get() > 1)) problems.add(f.at("at"), "a proxy's 'at' must lie within [0, 1]");
            if (scenario != null) {
                var ms = scenario.measures().stream().map(m -> m.id()).toList();
                var os = scenario.obligations().stream().map(o -> o.id()).toList();
                if (!ms.contains(measure.get())) problems.add(f.at("measure"), "unknown measure " + Quote.of(measure.get()), Hints.didYouMean(measure.get(), ms));
                if (!os.contains(obligation.get())) problems.add(f.at("obligation"), "unknown obligation " + Quote.of(obligation.get()), Hints.didYouMean(obligation.get(), os));
            }
            try {
                return Optional.of(new Proxy(measure.get(), obligation.get(), level.orElse(1.0), levels.orElse(List.of())));
            } catch (IllegalArgumentException refused) {
                problems.add(f.at("levels"), "proxy for " + Quote.of(measure.get()) + ": " + refused.getMessage(), "list [value, share] pairs, shares rising with the value");
                return Optional.empty();
            }
        }

        private Optional<List<Proxy.Level>> levels(YamlMap f) {
            if (!f.has("levels")) return Optional.empty();
            var out = new ArrayList<Proxy.Level>();
            for (Node item : f.items(f.node("levels").orElseThrow(), "a proxy's levels")) {
                if (!(item instanceof SequenceNode pair) || pair.getValue().size() != 2) {
                    problems.add(YamlMap.positionOf(item), "a proxy level is a pair [value, share]", "e.g. [7, 0.21]");
                    continue;
                }
                var value = YamlMap.number(pair.getValue().get(0), "a proxy level's value", problems);
                var share = YamlMap.number(pair.getValue().get(1), "a proxy level's share", problems);
                if (value.isEmpty() || share.isEmpty()) continue;
                try {
                    out.add(new Proxy.Level(value.get(), share.get()));
                } catch (IllegalArgumentException refused) {
                    problems.add(YamlMap.positionOf(item), refused.getMessage(), "a positive value and a share in (0, 1]");
                }
            }
            return Optional.of(out);
        }

        private double[] range(YamlMap f, String what) {
            var n = f.node("range");
            if (n.isEmpty()) return null;
            if (!(n.get() instanceof SequenceNode seq) || seq.getValue().size() != 2) {
                problems.add(f.at("range"), what + " range must be a list of two numbers [low, high]");
                return null;
            }
            var low = YamlMap.number(seq.getValue().get(0), what + " range low", problems);
            var high = YamlMap.number(seq.getValue().get(1), what + " range high", problems);
            if (low.isEmpty() || high.isEmpty()) return null;
            if (low.get() > high.get()) {
                problems.add(f.at("range"), what + " range low " + low.get() + " is above high " + high.get(), "write [low, high]");
                return null;
            }
            return new double[] {low.get(), high.get()};
        }
    }
}
