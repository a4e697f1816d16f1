package org.phasegate.bargain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.phasegate.problem.Problems;
import org.phasegate.problem.Quote;

/**
 * Reads KTAB's SMP XML format ({@code smpSchema.xsd}): name, description, seed,
 * optional model parameters (all nine, as KTAB's reader spells them),
 * dimensions, actors and ideal adjustments. Unlike KTAB's reader, a missing
 * {@code IdealAdjustment} means "no adjustment" rather than an error. Every
 * problem is reported at once, at the line and column of its element (malformed
 * markup stops the XML parser, so it is reported alone).
 */
public final class KtabXmlReader {
    private final Problems problems;

    private KtabXmlReader(String file) {
        this.problems = new Problems(file);
    }

    public static Issue parse(String file, String text) throws IssueParseException {
        var reader = new KtabXmlReader(file);
        var issue = reader.read(XmlTree.parse(file, text));
        if (!reader.problems.isEmpty() || issue.isEmpty()) throw new IssueParseException(reader.problems.list());
        return issue.get();
    }

    private Optional<Issue> read(XmlTree root) {
        if (!root.name().equals("Scenario")) {
            problems.add(root.at(), "root element is <" + Quote.shorten(root.name()) + ">, expected <Scenario>");
            return Optional.empty();
        }
        var name = requiredText(root, "name");
        XmlTree descNode = root.optional("desc");
        var seed = required(root, "prngSeed").flatMap(this::seed);
        XmlTree mp = root.optional("ModelParameters");
        var params = mp == null ? Optional.of(ModelParameters.defaults()) : parameters(mp);
        var dims = dimensions(root);
        var actors = actors(root, dims.size());
        var index = names(root);
        XmlTree ia = root.optional("IdealAdjustment");
        var adjustments = adjustments(ia, index);
        if (!problems.isEmpty()) return Optional.empty();
        try {
            return Optional.of(new Issue(name.orElseThrow(), descNode == null ? "" : descNode.text(), dims, actors, adjustments,
                    params.orElseThrow(), seed.orElseThrow()));
        } catch (IllegalArgumentException e) {
            problems.add(ia == null ? root.at() : ia.at(), e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Long> seed(XmlTree node) {
        try {
            return Optional.of(Long.parseUnsignedLong(node.text()));
        } catch (NumberFormatException e) {
            problems.add(node.at(), "prngSeed " + Quote.of(node.text()) + " is not an unsigned 64-bit decimal number");
            return Optional.empty();
        }
    }

    private Optional<ModelParameters> parameters(XmlTree mp) {
        int before = problems.size();
        var victory = option(mp, "VictoryProbModel", VictoryProbModel.class);
        var pce = option(mp, "PCEModel", ModelParameters.PceModel.class);
        var transitions = option(mp, "StateTransitions", ModelParameters.StateTransitions.class);
        var voting = option(mp, "VotingRule", VotingRule.class);
        var bigRAdjust = option(mp, "BigRAdjust", BigRAdjust.class);
        var bigRRange = option(mp, "BigRRange", ModelParameters.BigRRange.class);
        var thirdParty = option(mp, "ThirdPartyCommit", ModelParameters.ThirdPartyCommit.class);
        var interVec = option(mp, "InterVecBrgn", ModelParameters.InterVecBrgn.class);
        var bargain = option(mp, "BargnModel", ModelParameters.BargainModel.class);
        if (problems.size() != before) return Optional.empty();
        return Optional.of(new ModelParameters(victory, pce, transitions, voting, bigRAdjust, bigRRange, thirdParty, interVec, bargain));
    }

    /** The value of one model parameter, or null after reporting why there is none. */
    private <E extends Enum<E> & ModelParameters.Named> E option(XmlTree mp, String element, Class<E> type) {
        var node = required(mp, element);
        if (node.isEmpty()) return null;
        E value = ModelParameters.byName(type, node.get().text());
        if (value == null) {
            problems.add(node.get().at(), element + " " + Quote.of(node.get().text()) + " is not recognised; use one of "
                    + ModelParameters.names(type));
        }
        return value;
    }

    private List<String> dimensions(XmlTree root) {
        List<String> dims = new ArrayList<>();
        required(root, "Dimensions").ifPresent(node -> {
            for (XmlTree d : node.all("dName")) dims.add(d.text());
            if (dims.isEmpty()) problems.add(node.at(), "<Dimensions> holds no <dName>; name at least one dimension");
        });
        return dims;
    }

    /**
     * Each actor's index by its name, the actors with other problems included: an ideal adjustment naming one is not
     * also wrong (the index is used only when every actor is good, and then the two orders agree).
     */
    private static Map<String, Integer> names(XmlTree root) {
        Map<String, Integer> index = new HashMap<>();
        XmlTree actors = root.optional("Actors");
        List<XmlTree> all = actors == null ? List.of() : actors.all("Actor");
        for (int i = 0; i < all.size(); i++) {
            XmlTree name = all.get(i).optional("name");
            if (name != null && !name.text().isEmpty()) index.putIfAbsent(name.text(), i);
        }
        return index;
    }

    private List<Actor> actors(XmlTree root, int nd) {
        List<Actor> actors = new ArrayList<>();
        var node = required(root, "Actors");
        if (node.isEmpty()) return actors;
        Map<String, XmlTree> seen = new HashMap<>();
        List<XmlTree> all = node.get().all("Actor");
        for (XmlTree a : all) {
            actor(a, nd).ifPresent(actor -> {
                if (seen.putIfAbsent(actor.name(), a) != null) {
                    problems.add(a.at(), "actor name " + Quote.of(actor.name()) + " is used twice; names must be unique");
                } else {
                    actors.add(actor);
                }
            });
        }
        if (all.size() < Issue.MIN_ACTORS || all.size() > Issue.MAX_ACTORS) {
            problems.add(node.get().at(), "found " + all.size() + " actors; an issue needs " + Issue.MIN_ACTORS + " to " + Issue.MAX_ACTORS);
        }
        return actors;
    }

    private Optional<Actor> actor(XmlTree a, int nd) {
        int before = problems.size();
        String name = requiredText(a, "name").orElse("?");
        XmlTree descNode = a.optional("description");
        var cap = required(a, "capability").flatMap(c -> number(c, "capability of " + name, 0, 1e8).filter(v -> {
            if (v == 0) problems.add(c.at(), "capability of " + name + " is 0; it must be positive");
            return v > 0;
        }));
        var pos = required(a, "Position").map(p -> coordinates(p, "dCoord", nd, "position of " + name));
        var salNode = required(a, "Salience");
        var sal = salNode.map(s -> coordinates(s, "dSal", nd, "salience of " + name));
        if (problems.size() != before) return Optional.empty();
        double total = sal.orElseThrow().stream().mapToDouble(Double::doubleValue).sum();
        if (total > 100 + 1e-9 || total == 0) {
            problems.add(salNode.get().at(), "saliences of " + name + " add up to " + total
                    + "; they must add up to more than 0 and at most 100");
            return Optional.empty();
        }
        return Optional.of(new Actor(name, descNode == null ? "" : descNode.text(), cap.orElseThrow(), pos.orElseThrow(), sal.get()));
    }

    private List<Double> coordinates(XmlTree node, String element, int nd, String what) {
        List<XmlTree> cs = node.all(element);
        if (nd > 0 && cs.size() != nd) {
            problems.add(node.at(), what + " has " + cs.size() + " <" + element + "> values, expected one per dimension (" + nd + ")");
        }
        List<Double> out = new ArrayList<>();
        for (int k = 0; k < cs.size(); k++) {
            XmlTree c = cs.get(k);
            if (c.text().isEmpty()) {
                problems.add(c.at(), "<" + element + "> is empty (" + what + ", dimension " + (k + 1) + "); give a number from 0 to 100");
            } else {
                number(c, what + " on dimension " + (k + 1), 0, 100).ifPresent(out::add);
            }
        }
        return out;
    }

    private List<IdealAdjustment> adjustments(XmlTree node, Map<String, Integer> index) {
        List<IdealAdjustment> out = new ArrayList<>();
        if (node == null) return out;
        for (XmlTree p : node.all("iaPair")) {
            var adjusting = actorIndex(p, "adjustingIdeal", index);
            var reference = actorIndex(p, "referencePos", index);
            var weight = required(p, "adjust").flatMap(w -> number(w, "adjust", 0, 1));
            if (adjusting.isPresent() && reference.isPresent() && weight.isPresent()) {
                out.add(new IdealAdjustment(adjusting.get(), reference.get(), weight.get()));
            }
        }
        return out;
    }

    private Optional<Integer> actorIndex(XmlTree pair, String element, Map<String, Integer> index) {
        return required(pair, element).flatMap(n -> {
            Integer i = index.get(n.text());
            if (i == null) problems.add(n.at(), element + " names " + Quote.of(n.text()) + ", who is not among the actors");
            return Optional.ofNullable(i);
        });
    }

    private Optional<Double> number(XmlTree node, String what, double min, double max) {
        return Values.number(problems, node.at(), node.text(), what, min, max);
    }

    private Optional<XmlTree> required(XmlTree parent, String child) {
        XmlTree c = parent.optional(child);
        if (c == null) problems.add(parent.at(), "<" + parent.name() + "> lacks the element <" + child + ">; add it");
        return Optional.ofNullable(c);
    }

    private Optional<String> requiredText(XmlTree parent, String child) {
        return required(parent, child).flatMap(c -> {
            if (c.text().isEmpty()) problems.add(c.at(), "<" + child + "> is empty; give it a value");
            return c.text().isEmpty() ? Optional.empty() : Optional.of(c.text());
        });
    }
}
