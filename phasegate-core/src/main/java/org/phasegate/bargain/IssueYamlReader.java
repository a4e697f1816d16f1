package org.phasegate.bargain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Phasegate YAML issue file (format in {@code docs/bargaining.md}).
 * Every actor number may be a plain number or a sourced value
 * {@code {value, basis, assumption, source}}; the model uses the value.
 */
public final class IssueYamlReader {
    private final String file;

    private IssueYamlReader(String file) {
        this.file = file;
    }

    public static Issue parse(String file, String text) throws IssueParseException {
        return new IssueYamlReader(file).read(YamlNode.parse(file, text));
    }

    private Issue read(YamlNode root) throws IssueParseException {
        YamlNode.Mapping top = mapping(root, "the file");
        YamlNode.Mapping issue = mapping(required(top, "issue"), "issue");
        String name = string(required(issue, "name"), "issue name");
        String desc = issue.entries().containsKey("description") ? string(issue.entries().get("description"), "description") : "";
        long seed = issue.entries().containsKey("seed") ? seed(issue.entries().get("seed")) : Issue.KTAB_DEFAULT_SEED;
        ModelParameters params = issue.entries().containsKey("parameters")
                ? parameters(mapping(issue.entries().get("parameters"), "parameters")) : ModelParameters.defaults();
        YamlNode.Sequence dimNodes = sequence(required(issue, "dimensions"), "dimensions");
        List<String> dimIds = new ArrayList<>();
        List<String> dimNames = new ArrayList<>();
        for (YamlNode d : dimNodes.items()) {
            YamlNode.Mapping dm = mapping(d, "dimension");
            String id = string(required(dm, "id"), "dimension id");
            if (dimIds.contains(id)) {
                throw new IssueParseException(file, d.line(), "dimension id '" + id + "' is used twice; ids must be unique");
            }
            dimIds.add(id);
            dimNames.add(dm.entries().containsKey("name") ? string(dm.entries().get("name"), "dimension name") : id);
        }
        if (dimIds.isEmpty()) {
            throw new IssueParseException(file, dimNodes.line(), "no dimensions; list at least one under issue.dimensions");
        }
        YamlNode.Sequence actorNodes = sequence(required(issue, "actors"), "actors");
        List<Actor> actors = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (YamlNode a : actorNodes.items()) {
            Actor actor = actor(mapping(a, "actor"), dimIds);
            if (index.putIfAbsent(actor.name(), actors.size()) != null) {
                throw new IssueParseException(file, a.line(), "actor name '" + actor.name() + "' is used twice; names must be unique");
            }
            actors.add(actor);
        }
        if (actors.size() < Issue.MIN_ACTORS || actors.size() > Issue.MAX_ACTORS) {
            throw new IssueParseException(file, actorNodes.line(), "found " + actors.size() + " actors; an issue needs "
                    + Issue.MIN_ACTORS + " to " + Issue.MAX_ACTORS);
        }
        List<IdealAdjustment> adj = adjustments(issue.entries().get("ideal_adjustments"), index);
        try {
            return new Issue(name, desc, dimNames, actors, adj, params, seed);
        } catch (IllegalArgumentException e) {
            throw new IssueParseException(file, issue.line(), e.getMessage());
        }
    }

    private Actor actor(YamlNode.Mapping a, List<String> dimIds) throws IssueParseException {
        String name = string(required(a, "name"), "actor name");
        if (name.isBlank()) {
            throw new IssueParseException(file, a.line(), "actor name is empty; give each actor a name");
        }
        String desc = a.entries().containsKey("description") ? string(a.entries().get("description"), "description") : "";
        double cap = value(required(a, "capability"), "capability of " + name, 0, 1e8);
        if (cap == 0) {
            throw new IssueParseException(file, required(a, "capability").line(), "capability of " + name + " is 0; it must be positive");
        }
        YamlNode.Mapping pos = mapping(required(a, "position"), "position of " + name);
        YamlNode.Mapping sal = mapping(required(a, "salience"), "salience of " + name);
        List<Double> ps = new ArrayList<>();
        List<Double> ss = new ArrayList<>();
        for (String id : dimIds) {
            ps.add(value(requiredDim(pos, id, "position of " + name), "position of " + name + " on " + id, 0, 100));
            ss.add(value(requiredDim(sal, id, "salience of " + name), "salience of " + name + " on " + id, 0, 100));
        }
        for (YamlNode.Mapping m : List.of(pos, sal)) {
            for (var e : m.entries().entrySet()) {
                if (!dimIds.contains(e.getKey())) {
                    throw new IssueParseException(file, e.getValue().line(), "'" + e.getKey() + "' is not a dimension id; use one of "
                            + String.join(", ", dimIds));
                }
            }
        }
        double total = ss.stream().mapToDouble(Double::doubleValue).sum();
        if (total > 100 + 1e-9 || total == 0) {
            throw new IssueParseException(file, sal.line(), "saliences of " + name + " add up to " + total
                    + "; they must add up to more than 0 and at most 100");
        }
        return new Actor(name, desc, cap, ps, ss);
    }

    private YamlNode requiredDim(YamlNode.Mapping m, String id, String what) throws IssueParseException {
        YamlNode n = m.entries().get(id);
        if (n == null) {
            throw new IssueParseException(file, m.line(), what + " lacks dimension '" + id + "'; add it");
        }
        return n;
    }

    /** A number, or a sourced value whose {@code value} is the number. */
    private double value(YamlNode n, String what, double min, double max) throws IssueParseException {
        YamlNode v = n;
        if (n instanceof YamlNode.Mapping m) {
            v = m.entries().get("value");
            if (v == null) {
                throw new IssueParseException(file, n.line(), what + " has no 'value'; write a number or {value: …, basis: …, source: …}");
            }
        }
        if (!(v instanceof YamlNode.Scalar s) || !(s.value() instanceof Number num)) {
            throw new IssueParseException(file, v.line(), what + " must be a number");
        }
        double d = num.doubleValue();
        if (!(d >= min && d <= max)) {
            throw new IssueParseException(file, v.line(), what + " is " + num + "; it must lie between " + (long) min + " and " + (long) max);
        }
        return d;
    }

    private long seed(YamlNode n) throws IssueParseException {
        if (n instanceof YamlNode.Scalar s && s.value() != null) {
            try {
                return Long.parseUnsignedLong(s.value().toString());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IssueParseException(file, n.line(), "seed must be a whole number from 0 to 18446744073709551615");
    }

    private ModelParameters parameters(YamlNode.Mapping m) throws IssueParseException {
        ModelParameters d = ModelParameters.defaults();
        for (String key : m.entries().keySet()) {
            if (!List.of("VictoryProbModel", "PCEModel", "StateTransitions", "VotingRule", "BigRAdjust", "BigRRange",
                    "ThirdPartyCommit", "InterVecBrgn", "BargnModel").contains(key)) {
                throw new IssueParseException(file, m.entries().get(key).line(), "unknown parameter '" + key
                        + "'; use KTAB's names: VictoryProbModel, PCEModel, StateTransitions, VotingRule, BigRAdjust, BigRRange, ThirdPartyCommit, InterVecBrgn, BargnModel");
            }
        }
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

    private <E extends Enum<E> & ModelParameters.Named> E option(YamlNode.Mapping m, String key, Class<E> type, E dflt)
            throws IssueParseException {
        YamlNode n = m.entries().get(key);
        if (n == null) {
            return dflt;
        }
        String s = string(n, key);
        E e = ModelParameters.byName(type, s);
        if (e == null) {
            throw new IssueParseException(file, n.line(), key + " '" + s + "' is not recognised; use one of " + ModelParameters.names(type));
        }
        return e;
    }

    private List<IdealAdjustment> adjustments(YamlNode node, Map<String, Integer> index) throws IssueParseException {
        List<IdealAdjustment> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        for (YamlNode item : sequence(node, "ideal_adjustments").items()) {
            YamlNode.Mapping m = mapping(item, "ideal adjustment");
            int a = actorIndex(required(m, "actor"), index);
            int r = actorIndex(required(m, "toward"), index);
            out.add(new IdealAdjustment(a, r, value(required(m, "weight"), "weight", 0, 1)));
        }
        return out;
    }

    private int actorIndex(YamlNode n, Map<String, Integer> index) throws IssueParseException {
        String s = string(n, "actor");
        Integer i = index.get(s);
        if (i == null) {
            throw new IssueParseException(file, n.line(), "'" + s + "' is not among the actors");
        }
        return i;
    }

    private YamlNode required(YamlNode.Mapping m, String key) throws IssueParseException {
        YamlNode n = m.entries().get(key);
        if (n == null) {
            throw new IssueParseException(file, m.line(), "missing '" + key + "'; add it (see docs/bargaining.md)");
        }
        return n;
    }

    private YamlNode.Mapping mapping(YamlNode n, String what) throws IssueParseException {
        if (n instanceof YamlNode.Mapping m) {
            return m;
        }
        throw new IssueParseException(file, n.line(), what + " must be a mapping of keys to values");
    }

    private YamlNode.Sequence sequence(YamlNode n, String what) throws IssueParseException {
        if (n instanceof YamlNode.Sequence s) {
            return s;
        }
        throw new IssueParseException(file, n.line(), what + " must be a list");
    }

    private String string(YamlNode n, String what) throws IssueParseException {
        if (n instanceof YamlNode.Scalar s && s.value() != null) {
            return s.value().toString();
        }
        throw new IssueParseException(file, n.line(), what + " must be a text value");
    }
}
