package org.phasegate.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.phasegate.problem.Hints;
import org.phasegate.problem.Position;
import org.phasegate.problem.Problems;
import org.phasegate.problem.Quote;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads the condition language and thresholds from YAML nodes. */
final class ConditionReader {
    /** A century: longer quiet periods are typos. */
    static final int MAX_DAYS = 36_500;
    private static final Set<String> KINDS = Set.of("all", "any", "not", "at-least", "gate", "obligation",
            "threshold", "quiet", "after", "before", "stage");
    private static final Set<String> THRESHOLD_KEYS = Set.of("measure", "count", "sum", "rate", "fraction", "unit",
            "window", "of", "attestations");
    private final Problems problems;

    ConditionReader(Problems problems) {
        this.problems = problems;
    }

    Optional<Condition> read(Node node, String where) {
        Position at = YamlMap.positionOf(node);
        if (isObligationWithStatus(node)) return obligation(node, where, at);
        if (!(node instanceof MappingNode mapping) || mapping.getValue().size() != 1) {
            problems.add(at, where + " must be a single-key condition such as 'all:', 'gate:' or 'threshold:'",
                    "known conditions: " + String.join(", ", KINDS.stream().sorted().toList()));
            return Optional.empty();
        }
        var tuple = mapping.getValue().getFirst();
        String kind = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
        Node value = tuple.getValueNode();
        return switch (kind) {
            case "all" -> parts(value, where + ".all").map(p -> new Condition.AllOf(p, at));
            case "any" -> parts(value, where + ".any").map(p -> new Condition.AnyOf(p, at));
            case "not" -> read(value, where + ".not").map(c -> new Condition.Not(c, at));
            case "at-least" -> atLeast(value, where, at);
            case "gate" -> name(value, where + ".gate").map(g -> new Condition.GateOpen(g, at));
            case "obligation" -> obligation(value, where, at);
            case "threshold" -> threshold(value, where + ".threshold").map(t -> new Condition.Reaches(t, at));
            case "stage" -> name(value, where + ".stage").map(st -> new Condition.StageMet(st, at));
            case "quiet" -> quiet(value, where, at);
            case "after" -> time(value, where + ".after").map(t -> new Condition.After(t, at));
            case "before" -> time(value, where + ".before").map(t -> new Condition.Before(t, at));
            default -> {
                problems.add(at, "unknown condition " + Quote.of(kind) + " in " + where, Hints.didYouMean(kind, KINDS));
                yield Optional.empty();
            }
        };
    }

    private Optional<List<Condition>> parts(Node value, String where) {
        var items = YamlMap.items(value, where, problems);
        if (items.isEmpty()) {
            problems.add(YamlMap.positionOf(value), where + " needs at least one condition");
            return Optional.empty();
        }
        var out = new ArrayList<Condition>();
        for (Node item : items) read(item, where + "[]").ifPresent(out::add);
        return out.size() == items.size() ? Optional.of(out) : Optional.empty();
    }

    private Optional<Condition> atLeast(Node value, String where, Position at) {
        var map = YamlMap.of(value, where + ".at-least", Set.of("k", "of"), problems);
        var k = map.number("k");
        var parts = map.required("of").flatMap(n -> parts(n, where + ".at-least.of"));
        if (k.isEmpty() || parts.isEmpty()) {
            if (k.isEmpty() && !map.has("k")) problems.add(at, where + ".at-least needs 'k'");
            return Optional.empty();
        }
        if (k.get() < 1 || k.get() > parts.get().size() || k.get() != Math.rint(k.get())) {
            problems.add(map.at("k"), "impossible threshold: at-least k = " + Numbers.format(k.get()) + " of "
                    + parts.get().size() + " conditions", "k must be a whole number from 1 to " + parts.get().size());
            return Optional.empty();
        }
        int kk = k.get().intValue();
        return Optional.of(new Condition.AtLeast(kk, parts.get(), at));
    }

    /** The documented short form {@code {obligation: ID, status: 2}}. */
    private static boolean isObligationWithStatus(Node node) {
        if (!(node instanceof MappingNode m) || m.getValue().size() != 2) return false;
        var keys = m.getValue().stream().map(t -> t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "").toList();
        return keys.contains("obligation") && keys.contains("status");
    }

    private Optional<Condition> obligation(Node value, String where, Position at) {
        if (value instanceof ScalarNode s) return Optional.of(new Condition.ObligationStatus(s.getValue(), 3, at));
        boolean shortForm = isObligationWithStatus(value);
        var map = YamlMap.of(value, where + ".obligation", shortForm ? Set.of("obligation", "status") : Set.of("id", "status"), problems);
        String id = map.requiredText(shortForm ? "obligation" : "id");
        int status = map.whole("status", 0, 3).orElse(3);
        return id.isEmpty() ? Optional.empty() : Optional.of(new Condition.ObligationStatus(id, status, at));
    }

    private Optional<Condition> quiet(Node value, String where, Position at) {
        var map = YamlMap.of(value, where + ".quiet", Set.of("measure", "days"), problems);
        String measure = map.requiredText("measure");
        var days = map.whole("days", 1, MAX_DAYS);
        if (days.isEmpty()) {
            if (!map.has("days")) problems.add(at, where + ".quiet needs 'days'");
            return Optional.empty();
        }
        return measure.isEmpty() ? Optional.empty() : Optional.of(new Condition.Quiet(measure, days.get(), at));
    }

    Optional<TimeRef> time(Node value, String where) {
        if (!(value instanceof ScalarNode s)) {
            problems.add(YamlMap.positionOf(value), where + " must be a date, an instant or 'anchor + 72h'");
            return Optional.empty();
        }
        var t = TimeRefs.parse(s.getValue());
        if (t.isEmpty()) {
            problems.add(YamlMap.positionOf(value), where + " has value " + Quote.of(s.getValue()) + ", not a time reference",
                    "use 2025-10-13, 2025-10-13T12:00:00Z or acceptance + 72h (units h, d, w)");
        }
        return t;
    }

    private Optional<String> name(Node value, String where) {
        if (value instanceof ScalarNode s && !s.getValue().isBlank()) return Optional.of(s.getValue());
        problems.add(YamlMap.positionOf(value), where + " must name an id");
        return Optional.empty();
    }

    Optional<Threshold> threshold(Node value, String where) {
        var map = YamlMap.of(value, where, THRESHOLD_KEYS, problems);
        String measure = map.requiredText("measure");
        var kinds = List.of("count", "sum", "rate", "fraction").stream().filter(map::has).toList();
        if (kinds.size() != 1) {
            problems.add(map.at(), where + " needs exactly one of count, sum, rate, fraction", "found " + kinds);
            return Optional.empty();
        }
        String kind = kinds.getFirst();
        var aggregate = Threshold.Aggregate.valueOf(kind.toUpperCase());
        var level = kind.equals("fraction") ? percent(map, "fraction") : map.number(kind);
        var window = map.text("window").flatMap(w -> duration(w, map.at("window"), where + ".window"));
        int attestations = map.whole("attestations", 0, Verification.MAX_ATTESTATIONS).orElse(0);
        String unit = map.text("unit").orElse(kind.equals("count") ? Measure.RECORDS : kind.equals("fraction") ? "%" : "");
        Optional<String> ofMeasure = Optional.empty();
        Optional<Double> ofValue = Optional.empty();
        if (map.has("of")) {
            String of = map.text("of").orElse("");
            ofValue = Numbers.parseFinite(of);
            if (ofValue.isEmpty()) ofMeasure = Optional.of(of);
        }
        if (level.isEmpty() || measure.isEmpty()) return Optional.empty();
        return Optional.of(new Threshold(measure, aggregate, level.get(), unit, window, ofMeasure, ofValue, attestations));
    }

    Optional<Double> percent(YamlMap map, String key) {
        return map.text(key).flatMap(t -> {
            String s = t.trim();
            boolean pct = s.endsWith("%");
            var v = Numbers.parseFinite(pct ? s.substring(0, s.length() - 1) : s);
            if (v.isEmpty()) {
                map.problems().add(map.at(key), key + " has value " + Quote.of(t) + ", not a number or percentage", "e.g. 100% or 0.75");
            }
            return v.map(x -> pct ? x / 100 : x);
        });
    }

    private Optional<Duration> duration(String text, Position at, String where) {
        var d = TimeRefs.parseDuration(text);
        if (d.isEmpty()) problems.add(at, where + " has value " + Quote.of(text) + ", not a duration", "use e.g. 7d, 72h or 2w");
        return d;
    }
}
