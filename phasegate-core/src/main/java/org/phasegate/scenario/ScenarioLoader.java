package org.phasegate.scenario;

import org.phasegate.problem.Quote;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.phasegate.problem.Hints;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Position;
import org.phasegate.problem.Problem;
import org.phasegate.problem.Problems;
import org.phasegate.problem.TextFile;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a scenario YAML file into the model and validates it; any problem, anywhere, is reported with its
 * {@code file:line:col} and nothing is returned. See docs/scenario-format.md.
 */
public final class ScenarioLoader {
    private static final Set<String> TOP = Set.of("scenario", "verification", "status-scale", "sources", "parties",
            "phases", "measures", "anchors", "obligations", "gates", "levers", "assumptions", "provisions", "forecast", "imports", "context");
    /** Without these there is nothing to check: a file cut after its header must not pass as an empty agreement. */
    private static final List<String> REQUIRED_LISTS = List.of("parties", "phases", "obligations");

    public Scenario load(Path file) {
        return parse(file.toString(), TextFile.read(file, "scenario"));
    }

    public Scenario parse(String fileName, String yaml) {
        var problems = new Problems(fileName);
        Node root = compose(yaml, problems);
        if (root == null) {
            if (problems.isEmpty()) problems.add(new Position(1, 1), "the scenario file is empty", "see docs/scenario-format.md");
            problems.throwIfAny();
        }
        var scenario = new Reading(fileName, problems).scenario(root);
        ScenarioValidator.validate(scenario, problems);
        problems.throwIfAny();
        return scenario;
    }

    /** YAML as nodes that keep their line and column; see {@link YamlMap#compose}. */
    public static Node compose(String yaml, Problems problems) {
        return YamlMap.compose(yaml, problems);
    }

    /** One pass over one file's nodes. */
    private static final class Reading {
        private final String file;
        private final Problems problems;
        private final ConditionReader conditions;
        private final VerificationReader verificationReader;

        Reading(String file, Problems problems) {
            this.file = file;
            this.problems = problems;
            this.conditions = new ConditionReader(problems);
            this.verificationReader = new VerificationReader(problems);
        }

        Scenario scenario(Node root) {
            var top = YamlMap.of(root, "the scenario file", TOP, problems);
            var head = top.required("scenario").map(n -> YamlMap.of(n, "scenario", Set.of("id", "title", "start", "description"), problems));
            String id = head.map(h -> h.requiredText("id")).orElse("");
            String title = head.map(h -> h.requiredText("title")).orElse("");
            String description = head.flatMap(h -> h.text("description")).orElse("");
            Instant start = head.flatMap(h -> h.required("start").flatMap(n -> date(h, "start"))).orElse(Instant.EPOCH);
            var missing = REQUIRED_LISTS.stream().filter(k -> top.list(k).isEmpty()).toList();
            if (!missing.isEmpty()) {
                problems.add(top.at(), "the scenario has no " + String.join(", no ", missing),
                        "a scenario needs at least one each of " + String.join(", ", REQUIRED_LISTS) + "; see docs/scenario-format.md");
            }
            var scenario = new Scenario(id, title, description, start, file, verification(top), intermediateFrom(top),
                    each(top, "sources", this::source), each(top, "parties", this::party),
                    each(top, "phases", this::phase), each(top, "measures", this::measure),
                    each(top, "anchors", this::anchor), each(top, "obligations", this::obligation),
                    each(top, "gates", this::gate), each(top, "levers", this::lever),
                    each(top, "assumptions", this::assumption), top.node("provisions").flatMap(this::provisions),
                    top.node("forecast").map(n -> new ForecastModulesReader(problems, conditions).read(n)).orElse(ForecastModules.NONE),
                    top.node("imports").map(n -> new ImportPolicyReader(problems).read(n)).orElse(ImportPolicy.NONE),
                    each(top, "context", this::context));
            verificationReader.checkParties(scenario);
            ForecastModulesReader.check(scenario, problems);
            return scenario;
        }

        /** {@code provisions: {source, codes: {CODE: 0|1 or {value, source, note}}}}: UCDP PAD codes, each sourced. */
        private Optional<AgreementProvisions> provisions(Node n) {
            var m = YamlMap.of(n, "provisions", Set.of("source", "codes"), problems);
            var fallback = m.text("source").map(Citation::parse);
            var list = new ArrayList<AgreementProvisions.Provision>();
            m.required("codes").ifPresent(c -> {
                var codes = YamlMap.of(c, "provisions.codes", new AnyKey(), problems);
                for (String code : codes.keys()) provision(codes, code, fallback).ifPresent(list::add);
            });
            return Optional.of(new AgreementProvisions(list, m.at()));
        }

        private Optional<AgreementProvisions.Provision> provision(YamlMap codes, String code, Optional<Citation> fallback) {
            Position at = codes.at(code);
            if (!org.phasegate.durability.Provisions.CODES.contains(code)) {
                problems.add(at, "unknown provision code '" + code + "'", Hints.didYouMean(code, org.phasegate.durability.Provisions.CODES)
                        + "; codes are the UCDP Peace Agreement Dataset's (docs/scenario-format.md)");
                return Optional.empty();
            }
            Node node = codes.node(code).orElseThrow();
            YamlMap detail = node instanceof org.yaml.snakeyaml.nodes.MappingNode
                    ? YamlMap.of(node, "provision " + code, Set.of("value", "source", "note"), problems) : null;
            String value = detail == null ? codes.text(code).orElse("") : detail.required("value").flatMap(v -> detail.text("value")).orElse("");
            var source = detail == null ? fallback : detail.text("source").map(Citation::parse).or(() -> fallback);
            if (!value.equals("0") && !value.equals("1")) {
                problems.add(at, "provision " + code + " is '" + value + "', not 0 or 1", "1 if the agreement provides for it, 0 if not");
                return Optional.empty();
            }
            if (source.isEmpty()) {
                problems.add(at, "provision " + code + " cites no source", "give provisions.source, or source: SOURCE-ID#locator for this code");
                return Optional.empty();
            }
            String note = detail == null ? "" : detail.text("note").orElse("");
            return Optional.of(new AgreementProvisions.Provision(code, Integer.parseInt(value), source.get(), note, at));
        }

        private <T> List<T> each(YamlMap top, String key, Function<Node, Optional<T>> reader) {
            var out = new ArrayList<T>();
            for (Node n : top.list(key)) {
                try {
                    reader.apply(n).ifPresent(out::add);
                } catch (IllegalArgumentException refused) {   // the element's own constructor refused a value
                    problems.add(YamlMap.positionOf(n), refused.getMessage());
                }
            }
            return out;
        }

        private Verification verification(YamlMap top) {
            return top.node("verification").map(verificationReader::read).orElse(Verification.SINGLE);
        }

        private double intermediateFrom(YamlMap top) {
            return top.node("status-scale").map(n -> {
                var s = YamlMap.of(n, "status-scale", Set.of("intermediate-from"), problems);
                double v = s.number("intermediate-from").orElse(0.5);
                if (v <= 0 || v >= 1) {
                    problems.add(s.at("intermediate-from"), "status-scale.intermediate-from is " + Numbers.format(v)
                            + ", outside (0, 1)", "a fraction of the target, e.g. 0.5");
                    return 0.5;
                }
                return v;
            }).orElse(0.5);
        }

        private Optional<Source> source(Node n) {
            var m = YamlMap.of(n, "source", Set.of("id", "title", "publisher", "date", "url"), problems);
            Optional<LocalDate> date = m.text("date").flatMap(t -> localDate(t, m.at("date"), "source.date"));
            return Optional.of(new Source(m.requiredText("id"), m.requiredText("title"), m.requiredText("publisher"),
                    date, m.text("url"), m.at()));
        }

        private Optional<Party> party(Node n) {
            var m = YamlMap.of(n, "party", Set.of("id", "name", "kind"), problems);
            String kind = m.requiredText("kind");
            var parsed = Arrays.stream(Party.Kind.values()).filter(k -> k.yamlName().equals(kind)).findFirst();
            if (parsed.isEmpty() && !kind.isEmpty()) {
                problems.add(m.at("kind"), "unknown party kind " + Quote.of(kind) + "",
                        Hints.didYouMean(kind, Arrays.stream(Party.Kind.values()).map(Party.Kind::yamlName).toList()));
            }
            return Optional.of(new Party(m.requiredText("id"), m.requiredText("name"), parsed.orElse(Party.Kind.STATE), m.at()));
        }

        private Optional<Phase> phase(Node n) {
            var m = YamlMap.of(n, "phase", Set.of("id", "name", "starts", "requires", "description"), problems);
            return Optional.of(new Phase(m.requiredText("id"), m.requiredText("name"),
                    m.node("starts").flatMap(s -> conditions.time(s, "phase.starts")), m.texts("requires"), m.at()));
        }

        private Optional<Measure> measure(Node n) {
            var m = YamlMap.of(n, "measure", Set.of("id", "record", "where", "party", "quantity", "unit", "description", "import"), problems);
            var where = new HashMap<String, List<String>>();
            m.node("where").ifPresent(w -> {
                var wm = YamlMap.of(w, "measure.where", new AnyKey(), problems);
                wm.keys().forEach(k -> where.put(k, wm.texts(k)));
            });
            m.text("import").filter(d -> !d.matches("[a-z0-9][a-z0-9-]{0,59}")).ifPresent(d -> problems.add(m.at("import"),
                    "measure.import " + org.phasegate.problem.Quote.of(d) + " is not a dataset id (a-z, 0-9, -)", "e.g. acled-monthly-political-violence; see docs/importing.md"));
            if (m.has("import") && m.has("party")) problems.add(m.at("party"), "a measure over imported rows cannot filter by party", "imported rows carry no party; filter with where:");
            String unit = m.text("unit").orElse(m.has("quantity") ? "" : Measure.RECORDS);
            if (unit.isEmpty()) problems.add(m.at(), "measure is missing required field 'unit'", "the unit of its quantity, e.g. persons");
            return Optional.of(new Measure(m.requiredText("id"), m.requiredText("record"), where, m.text("party"),
                    m.text("quantity"), unit, m.at(), m.text("import")));
        }

        private Optional<Anchor> anchor(Node n) {
            var m = YamlMap.of(n, "anchor", Set.of("id", "name", "date", "source"), problems);
            var time = m.required("date").flatMap(d -> date(m, "date"));
            return Optional.of(new Anchor(m.requiredText("id"), m.text("name").orElse(""), time.orElse(Instant.EPOCH), m.at()));
        }

        private Optional<Obligation> obligation(Node n) {
            var m = YamlMap.of(n, "obligation", Set.of("id", "name", "description", "phase", "type", "owed-by",
                    "owed-to", "target", "deadline", "optional", "source", "sources", "kind", "watch", "breached-when", "stages"), problems);
            String typeName = m.requiredText("type");
            var type = Arrays.stream(Obligation.Type.values()).filter(t -> t.name().equalsIgnoreCase(typeName)).findFirst();
            if (type.isEmpty() && !typeName.isEmpty()) {
                problems.add(m.at("type"), "unknown obligation type " + Quote.of(typeName) + "", Hints.didYouMean(typeName,
                        Arrays.stream(Obligation.Type.values()).map(t -> t.name().toLowerCase()).toList()));
            }
            if (m.texts("owed-by").isEmpty()) problems.add(m.at(), "obligation is missing required field 'owed-by'", "the party or parties that owe it");
            var standing = standing(m);
            if (standing.isPresent() && m.has("target")) {
                problems.add(m.at("target"), "a standing obligation has no target", "it is in force or breached; say when it is breached with 'breached-when:'");
            }
            var target = m.node("target").flatMap(t -> conditions.threshold(t, "obligation.target"));
            var stages = stages(m, target);
            if (!stages.isEmpty() && m.has("deadline")) {
                problems.add(m.at("deadline"), "an obligation with stages takes its deadline from the last stage", "move the deadline to the last stage");
            }
            var deadline = stages.isEmpty() ? m.node("deadline").flatMap(d -> conditions.time(d, "obligation.deadline")) : stages.getLast().deadline();
            return Optional.of(new Obligation(m.requiredText("id"), m.text("name").orElse(m.text("id").orElse("")),
                    m.text("description").orElse(""), m.requiredText("phase"), type.orElse(Obligation.Type.GOVERNANCE),
                    m.texts("owed-by"), m.texts("owed-to"), target, deadline,
                    m.bool("optional").orElse(false), citations(m), standing.filter(x -> !m.has("target")), stages, m.at()));
        }

        /** {@code stages: [{id, level, deadline}]}: levels of the target, a percentage for a fraction target. */
        private List<Stage> stages(YamlMap m, Optional<Threshold> target) {
            if (!m.has("stages")) return List.of();
            var out = new ArrayList<Stage>();
            boolean fraction = target.map(t -> t.aggregate() == Threshold.Aggregate.FRACTION).orElse(false);
            for (Node n : m.list("stages")) {
                var st = YamlMap.of(n, "obligation.stages[]", Set.of("id", "level", "deadline"), problems);
                var level = fraction ? conditions.percent(st, "level") : st.number("level");
                if (!st.has("level")) problems.add(st.at(), "a stage needs 'level'", fraction ? "a share of the target, e.g. 30%" : "a level of the target, e.g. 100");
                var deadline = st.node("deadline").flatMap(d -> conditions.time(d, "obligation.stages[].deadline"));
                if (level.isEmpty()) continue;
                try {
                    out.add(new Stage(st.requiredText("id"), level.get(), deadline, st.at()));
                } catch (IllegalArgumentException refused) {
                    problems.add(st.at("level"), refused.getMessage());
                }
            }
            if (out.isEmpty() && target.isPresent()) problems.add(m.at("stages"), "'stages' lists no stage", "give at least one {id, level, deadline}, or remove it");
            return out;
        }

        /** {@code kind: standing} (with optional {@code watch} and {@code breached-when}) or a deliverable (the default). */
        private Optional<Standing> standing(YamlMap m) {
            String kind = m.text("kind").orElse("deliverable");
            if (!kind.equals("standing")) {
                if (!kind.equals("deliverable")) problems.add(m.at("kind"), "unknown obligation kind '" + kind + "'", "deliverable (the default) or standing");
                for (String k : List.of("watch", "breached-when")) {
                    if (m.has(k)) problems.add(m.at(k), "'" + k + "' applies to standing obligations only", "add kind: standing or remove it");
                }
                return Optional.empty();
            }
            Optional<String> watch = Optional.empty();
            java.time.Duration window = Standing.DEFAULT_WINDOW;
            if (m.has("watch")) {
                var w = YamlMap.of(m.node("watch").orElseThrow(), "obligation.watch", Set.of("measure", "window"), problems);
                watch = Optional.of(w.requiredText("measure")).filter(x -> !x.isEmpty());
                var text = w.text("window");
                if (text.isPresent()) {
                    var d = TimeRefs.parseDuration(text.get());
                    if (d.isEmpty() || d.get().isZero() || d.get().isNegative()) problems.add(w.at("window"), "obligation.watch.window has value '" + text.get() + "', not a positive duration", "use e.g. 90d");
                    else window = d.get();
                }
            }
            var breach = m.node("breached-when").flatMap(b -> conditions.threshold(b, "obligation.breached-when"));
            return Optional.of(new Standing(watch, window, breach));
        }

        /** {@code context: [{id, name, measure, window, beside, by, description}]}: series shown beside the status, never conditions. */
        private Optional<Context> context(Node n) {
            var m = YamlMap.of(n, "context", Set.of("id", "name", "description", "measure", "window", "beside", "by"), problems);
            var window = Context.DEFAULT_WINDOW;
            var text = m.text("window");
            if (text.isPresent()) {
                var d = TimeRefs.parseDuration(text.get());
                if (d.isEmpty() || d.get().isZero() || d.get().isNegative()) {
                    problems.add(m.at("window"), "context.window has value " + Quote.of(text.get()) + ", not a positive duration", "use e.g. 90d");
                } else {
                    window = d.get();
                }
            }
            if (m.text("by").map(String::isBlank).orElse(false)) {
                problems.add(m.at("by"), "context.by is empty", "name the attribute to split the total by, e.g. admin2, or remove it");
            }
            if (m.has("beside") && m.texts("beside").isEmpty()) {
                problems.add(m.at("beside"), "context.beside lists no obligation", "name the obligations it is shown beside, e.g. [ceasefire-a, ceasefire-b], or remove it");
            }
            return Optional.of(new Context(m.requiredText("id"), m.requiredText("name"), m.text("description").orElse(""),
                    m.requiredText("measure"), window, m.texts("beside"), m.text("by").filter(b -> !b.isBlank()), m.at(), m.at("measure"), m.at("beside")));
        }

        private Optional<Gate> gate(Node n) {
            var m = YamlMap.of(n, "gate", Set.of("id", "name", "description", "phase", "when", "unlocks", "latch",
                    "source", "sources"), problems);
            var when = m.required("when").flatMap(w -> conditions.read(w, "gate.when"));
            return Optional.of(new Gate(m.requiredText("id"), m.text("name").orElse(m.text("id").orElse("")),
                    m.text("description").orElse(""), m.requiredText("phase"),
                    when.orElse(new Condition.AllOf(List.of(), m.at())), m.texts("unlocks"), m.bool("latch").orElse(true),
                    citations(m), m.at()));
        }

        private Optional<Lever> lever(Node n) {
            var m = YamlMap.of(n, "lever", Set.of("id", "held-by", "gates", "description", "source"), problems);
            return Optional.of(new Lever(m.requiredText("id"), m.texts("held-by"), m.texts("gates"),
                    m.text("description").orElse(""), m.text("source").map(Citation::parse), m.at()));
        }

        private Optional<Assumption> assumption(Node n) {
            var m = YamlMap.of(n, "assumption", Set.of("id", "value", "range", "unit", "source", "description", "compares", "horizon"), problems);
            double value = m.required("value").flatMap(v -> m.number("value")).orElse(0.0);   // a missing value is already a problem
            var range = m.texts("range").stream().map(Numbers::parseFinite).toList();
            double low = value, high = value;
            if (m.has("range")) {
                if (range.size() != 2 || range.get(0).isEmpty() || range.get(1).isEmpty()) {
                    problems.add(m.at("range"), "assumption.range must be [low, high] finite numbers", "e.g. range: [0.4, 0.7]");
                } else {
                    low = range.get(0).get();
                    high = range.get(1).get();
                }
            }
            String compares = m.text("compares").orElse("");
            if (compares.isEmpty()) problems.add(m.at(), "assumption " + Quote.of(m.text("id").orElse("")) + " compares nothing, so nothing reads it",
                    "add compares: collapse (with horizon: e.g. 365d) or compares: NAME of an assumption-set entry, or remove it");
            var horizon = m.text("horizon").flatMap(TimeRefs::parseDuration);
            if (compares.equals(Assumption.COLLAPSE) && horizon.isEmpty()) {
                problems.add(m.has("horizon") ? m.at("horizon") : m.at(), "assumption " + Quote.of(m.text("id").orElse("")) + " compares the collapse but gives no 'horizon'",
                        "the time from the ceasefire's start it refers to, e.g. horizon: 365d");
            } else if (!compares.equals(Assumption.COLLAPSE) && m.has("horizon")) {
                problems.add(m.at("horizon"), "'horizon' applies only to compares: collapse", "remove it");
            }
            return Optional.of(new Assumption(m.requiredText("id"), value, low, high, m.text("unit").orElse(""),
                    m.text("description").orElse(""), m.text("source").map(Citation::parse), m.at(), compares, horizon));
        }

        private List<Citation> citations(YamlMap m) {
            var out = new ArrayList<Citation>();
            m.texts("source").forEach(s -> out.add(Citation.parse(s)));
            m.texts("sources").forEach(s -> out.add(Citation.parse(s)));
            return out;
        }

        private Optional<Instant> date(YamlMap m, String key) {
            return m.text(key).flatMap(t -> {
                var parsed = org.phasegate.evidence.EventsReader.parseTime(t);
                if (parsed.isEmpty()) problems.add(m.at(key), key + " has value " + Quote.of(t) + ", not a date", "use ISO-8601, e.g. 2025-10-10");
                return parsed;
            });
        }

        private Optional<LocalDate> localDate(String t, Position at, String field) {
            try {
                return Optional.of(LocalDate.parse(t));
            } catch (DateTimeParseException e) {
                problems.add(at, field + " has value " + Quote.of(t) + ", not a date", "use ISO-8601, e.g. 2025-09-29");
                return Optional.empty();
            }
        }
    }

    /** The key set of a free-form mapping such as {@code where:}. */
    static final class AnyKey extends java.util.AbstractSet<String> {
        @Override
        public boolean contains(Object o) {
            return true;
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Collections.emptyIterator();
        }

        @Override
        public int size() {
            return 0;
        }
    }
}
