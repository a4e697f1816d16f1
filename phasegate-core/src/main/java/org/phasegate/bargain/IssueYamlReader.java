package org.phasegate.bargain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.phasegate.problem.Position;
import org.phasegate.problem.Problems;
import org.phasegate.problem.Quote;
import org.phasegate.scenario.YamlMap;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a Phasegate YAML issue file (format in {@code docs/bargaining.md}) through the scenario loader's YAML layer:
 * unknown and duplicate keys, bad numbers and missing fields are all reported at once with line and column.
 * Every actor number may be a plain number or a sourced value {@code {value, basis, assumption, source}}.
 */
public final class IssueYamlReader {
    private static final Set<String> TOP = Set.of("issue", "sources");
    private static final Set<String> ISSUE = Set.of("name", "description", "scenario", "seed", "parameters", "dimensions",
            "actors", "ideal_adjustments");
    private static final Set<String> DIMENSION = Set.of("id", "name", "scale");
    private static final Set<String> ACTOR = Set.of("name", "description", "capability", "position", "salience");
    private static final Set<String> SOURCED = Set.of("value", "basis", "assumption", "source");
    private static final Set<String> ADJUSTMENT = Set.of("actor", "toward", "weight");
    private static final Set<String> SOURCE = Set.of("id", "title", "publisher", "date", "url");
    private static final Set<String> PARAMETERS = Set.of("VictoryProbModel", "PCEModel", "StateTransitions", "VotingRule",
            "BigRAdjust", "BigRRange", "ThirdPartyCommit", "InterVecBrgn", "BargnModel");

    private final Problems problems;

    private IssueYamlReader(String file) {
        this.problems = new Problems(file);
    }

    public static Issue parse(String file, String text) throws IssueParseException {
        var reader = new IssueYamlReader(file);
        var issue = reader.read(text);
        if (!reader.problems.isEmpty() || issue.isEmpty()) throw new IssueParseException(reader.problems.list());
        return issue.get();
    }

    private Optional<Issue> read(String text) {
        Node root = YamlMap.compose(text, problems);
        if (root == null) {
            if (problems.isEmpty()) problems.add(new Position(1, 1), "empty YAML file", "see docs/bargaining.md for the issue format");
            return Optional.empty();
        }
        var top = YamlMap.of(root, "the file", TOP, problems);
        top.list("sources").forEach(s -> YamlMap.of(s, "source", SOURCE, problems));
        return top.required("issue").flatMap(n -> issue(YamlMap.of(n, "issue", ISSUE, problems)));
    }

    private Optional<Issue> issue(YamlMap issue) {
        String name = issue.requiredText("name");
        String desc = issue.text("description").orElse("");
        issue.text("scenario");
        long seed = issue.text("seed").flatMap(s -> seed(s, issue.at("seed"))).orElse(Issue.KTAB_DEFAULT_SEED);
        ModelParameters params = issue.node("parameters").map(this::parameters).orElse(ModelParameters.defaults());
        var dimIds = new ArrayList<String>();
        var dimNames = new ArrayList<String>();
        for (Node d : issue.required("dimensions").map(n -> issue.items(n, "issue.dimensions")).orElse(List.of())) {
            var dm = YamlMap.of(d, "dimension", DIMENSION, problems);
            String id = dm.requiredText("id");
            dm.text("scale");
            if (dimIds.contains(id)) problems.add(dm.at("id"), "dimension id " + Quote.of(id) + " is used twice", "ids must be unique");
            else if (!id.isEmpty()) {
                dimIds.add(id);
                dimNames.add(dm.text("name").orElse(id));
            }
        }
        if (issue.has("dimensions") && dimIds.isEmpty()) problems.add(issue.at("dimensions"), "no dimensions", "list at least one under issue.dimensions");
        var actors = new ArrayList<Actor>();
        var index = new HashMap<String, Integer>();
        var actorNodes = issue.required("actors").map(n -> issue.items(n, "issue.actors")).orElse(List.of());
        for (Node a : actorNodes) {
            actor(YamlMap.of(a, "actor", ACTOR, problems), dimIds).ifPresent(actor -> {
                if (index.putIfAbsent(actor.name(), actors.size()) != null) {
                    problems.add(YamlMap.positionOf(a), "actor name " + Quote.of(actor.name()) + " is used twice", "names must be unique");
                } else {
                    actors.add(actor);
                }
            });
        }
        if (issue.has("actors") && (actorNodes.size() < Issue.MIN_ACTORS || actorNodes.size() > Issue.MAX_ACTORS)) {
            problems.add(issue.at("actors"), "found " + actorNodes.size() + " actors; an issue needs " + Issue.MIN_ACTORS + " to " + Issue.MAX_ACTORS);
        }
        var adjustments = issue.node("ideal_adjustments").map(n -> adjustments(n, index)).orElse(List.of());
        if (!problems.isEmpty()) return Optional.empty();
        try {
            return Optional.of(new Issue(name, desc, dimNames, actors, adjustments, params, seed));
        } catch (IllegalArgumentException e) {
            problems.add(issue.at(), e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Actor> actor(YamlMap a, List<String> dimIds) {
        String name = a.requiredText("name");
        if (a.has("name") && name.isBlank()) problems.add(a.at("name"), "actor name is empty", "give each actor a name");
        String desc = a.text("description").orElse("");
        var cap = a.required("capability").flatMap(n -> value(n, "capability of " + name, 0, 1e8));
        if (cap.isPresent() && cap.get() == 0) problems.add(a.at("capability"), "capability of " + name + " is 0", "it must be positive");
        var ps = coordinates(a, "position", name, dimIds);
        var ss = coordinates(a, "salience", name, dimIds);
        if (ss.isPresent()) {
            double total = ss.get().stream().mapToDouble(Double::doubleValue).sum();
            if (total > 100 + 1e-9 || total == 0) {
                problems.add(a.at("salience"), "saliences of " + name + " add up to " + total, "they must add up to more than 0 and at most 100");
            }
        }
        if (name.isBlank() || cap.isEmpty() || ps.isEmpty() || ss.isEmpty()) return Optional.empty();
        return Optional.of(new Actor(name, desc, cap.get(), ps.get(), ss.get()));
    }

    /** One number per dimension id, in the dimensions' order; keys that are not dimension ids are problems. */
    private Optional<List<Double>> coordinates(YamlMap a, String key, String name, List<String> dimIds) {
        var node = a.required(key);
        if (node.isEmpty()) return Optional.empty();
        var m = YamlMap.of(node.get(), key + " of " + name, Set.copyOf(dimIds), problems);
        var out = new ArrayList<Double>();
        for (String id : dimIds) {
            if (!m.has(id)) problems.add(m.at(), key + " of " + name + " lacks dimension " + Quote.of(id), "add it");
            m.node(id).flatMap(n -> value(n, key + " of " + name + " on " + id, 0, 100)).ifPresent(out::add);
        }
        return out.size() == dimIds.size() ? Optional.of(out) : Optional.empty();
    }

    /** A number, or a sourced value whose {@code value} is the number, within [min, max]. */
    private Optional<Double> value(Node n, String what, double min, double max) {
        Node v = n;
        if (n instanceof MappingNode) {
            var m = YamlMap.of(n, what, SOURCED, problems);
            var inner = m.node("value");
            if (inner.isEmpty()) {
                problems.add(m.at(), what + " has no 'value'", "write a number or {value: …, basis: …, source: …}");
                return Optional.empty();
            }
            v = inner.get();
        }
        var number = YamlMap.number(v, what, problems);
        if (number.isPresent() && !(number.get() >= min && number.get() <= max)) {
            problems.add(YamlMap.positionOf(v), what + " is " + number.get() + "; it must lie between " + (long) min + " and " + (long) max);
            return Optional.empty();
        }
        return number;
    }

    private Optional<Long> seed(String text, Position at) {
        try {
            return Optional.of(Long.parseUnsignedLong(text.trim()));
        } catch (NumberFormatException e) {
            problems.add(at, "seed " + Quote.of(text) + " is not a whole number from 0 to 18446744073709551615");
            return Optional.empty();
        }
    }

    private ModelParameters parameters(Node n) {
        var m = YamlMap.of(n, "parameters", PARAMETERS, problems);
        ModelParameters d = ModelParameters.defaults();
        return new ModelParameters(
                option(m, "VictoryProbModel", VictoryProbModel.class, d.victoryProbModel()),
                option(m, "PCEModel", ModelParameters.PceModel.class, d.pceModel()),
                option(m, "StateTransitions", ModelParameters.StateTransitions.class, d.stateTransitions()),
                option(m, "VotingRule", VotingRule.class, d.votingRule()),
                option(m, "BigRAdjust", BigRAdjust.class, d.bigRAdjust()),
                option(m, "BigRRange", ModelParameters.BigRRange.class, d.bigRRange()),
                option(m, "ThirdPartyCommit", ModelParameters.ThirdPartyCommit.class, d.thirdPartyCommit()),
                option(m, "InterVecBrgn", ModelParameters.InterVecBrgn.class, d.interVecBrgn()),
                option(m, "BargnModel", ModelParameters.BargainModel.class, d.bargainModel()));
    }

    private <E extends Enum<E> & ModelParameters.Named> E option(YamlMap m, String key, Class<E> type, E dflt) {
        return m.text(key).map(s -> {
            E e = ModelParameters.byName(type, s);
            if (e == null) problems.add(m.at(key), key + " " + Quote.of(s) + " is not recognised", "use one of " + ModelParameters.names(type));
            return e == null ? dflt : e;
        }).orElse(dflt);
    }

    private List<IdealAdjustment> adjustments(Node node, Map<String, Integer> index) {
        var out = new ArrayList<IdealAdjustment>();
        for (Node item : YamlMap.items(node, "ideal_adjustments", problems)) {
            var m = YamlMap.of(item, "ideal adjustment", ADJUSTMENT, problems);
            var a = actorIndex(m, "actor", index);
            var r = actorIndex(m, "toward", index);
            var w = m.required("weight").flatMap(n -> value(n, "weight", 0, 1));
            if (a.isPresent() && r.isPresent() && w.isPresent()) out.add(new IdealAdjustment(a.get(), r.get(), w.get()));
        }
        return out;
    }

    private Optional<Integer> actorIndex(YamlMap m, String key, Map<String, Integer> index) {
        String s = m.requiredText(key);
        Integer i = index.get(s);
        if (i == null && m.has(key)) problems.add(m.at(key), Quote.of(s) + " is not among the actors");
        return Optional.ofNullable(i);
    }
}
