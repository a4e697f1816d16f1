package org.phasegate.bargain;

import org.phasegate.problem.Quote;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads KTAB's SMP XML format ({@code smpSchema.xsd}): name, description, seed,
 * optional model parameters (all nine, as KTAB's reader spells them),
 * dimensions, actors and ideal adjustments. Unlike KTAB's reader, a missing
 * {@code IdealAdjustment} means "no adjustment" rather than an error.
 */
public final class KtabXmlReader {
    private final String file;

    private KtabXmlReader(String file) {
        this.file = file;
    }

    public static Issue parse(String file, String text) throws IssueParseException {
        return new KtabXmlReader(file).read(XmlTree.parse(file, text));
    }

    private Issue read(XmlTree root) throws IssueParseException {
        if (!root.name().equals("Scenario")) {
            throw new IssueParseException(file, root.line(), "root element is <" + root.name() + ">, expected <Scenario>");
        }
        String name = root.requiredText(file, "name");
        XmlTree descNode = root.optional("desc");
        String desc = descNode == null ? "" : descNode.text();
        long seed = seed(root.required(file, "prngSeed"));
        XmlTree mp = root.optional("ModelParameters");
        ModelParameters params = mp == null ? ModelParameters.defaults() : parameters(mp);
        List<String> dims = new ArrayList<>();
        for (XmlTree d : root.required(file, "Dimensions").all("dName")) {
            dims.add(d.text());
        }
        if (dims.isEmpty()) {
            throw new IssueParseException(file, root.required(file, "Dimensions").line(), "<Dimensions> holds no <dName>; name at least one dimension");
        }
        XmlTree actorsNode = root.required(file, "Actors");
        List<Actor> actors = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (XmlTree a : actorsNode.all("Actor")) {
            Actor actor = actor(a, dims.size());
            if (index.putIfAbsent(actor.name(), actors.size()) != null) {
                throw new IssueParseException(file, a.line(), "actor name " + Quote.of(actor.name()) + " is used twice; names must be unique");
            }
            actors.add(actor);
        }
        if (actors.size() < Issue.MIN_ACTORS || actors.size() > Issue.MAX_ACTORS) {
            throw new IssueParseException(file, actorsNode.line(), "found " + actors.size() + " actors; an issue needs "
                    + Issue.MIN_ACTORS + " to " + Issue.MAX_ACTORS);
        }
        List<IdealAdjustment> adjustments = adjustments(root.optional("IdealAdjustment"), index);
        try {
            return new Issue(name, desc, dims, actors, adjustments, params, seed);
        } catch (IllegalArgumentException e) {
            XmlTree ia = root.optional("IdealAdjustment");
            throw new IssueParseException(file, ia == null ? root.line() : ia.line(), e.getMessage());
        }
    }

    private long seed(XmlTree node) throws IssueParseException {
        try {
            return Long.parseUnsignedLong(node.text());
        } catch (NumberFormatException e) {
            throw new IssueParseException(file, node.line(), "prngSeed '" + node.text()
                    + "' is not an unsigned 64-bit decimal number");
        }
    }

    private ModelParameters parameters(XmlTree mp) throws IssueParseException {
        return new ModelParameters(
                option(mp, "VictoryProbModel", VictoryProbModel.class),
                option(mp, "PCEModel", ModelParameters.PceModel.class),
                option(mp, "StateTransitions", ModelParameters.StateTransitions.class),
                option(mp, "VotingRule", VotingRule.class),
                option(mp, "BigRAdjust", BigRAdjust.class),
                option(mp, "BigRRange", ModelParameters.BigRRange.class),
                option(mp, "ThirdPartyCommit", ModelParameters.ThirdPartyCommit.class),
                option(mp, "InterVecBrgn", ModelParameters.InterVecBrgn.class),
                option(mp, "BargnModel", ModelParameters.BargainModel.class));
    }

    private <E extends Enum<E> & ModelParameters.Named> E option(XmlTree mp, String element, Class<E> type)
            throws IssueParseException {
        XmlTree node = mp.required(file, element);
        E value = ModelParameters.byName(type, node.text());
        if (value == null) {
            throw new IssueParseException(file, node.line(), element + " " + Quote.of(node.text()) + " is not recognised; use one of "
                    + ModelParameters.names(type));
        }
        return value;
    }

    private Actor actor(XmlTree a, int nd) throws IssueParseException {
        String name = a.requiredText(file, "name");
        XmlTree descNode = a.optional("description");
        String desc = descNode == null ? "" : descNode.text();
        XmlTree capNode = a.required(file, "capability");
        double cap = Values.number(file, capNode.line(), capNode.text(), "capability of " + name, 0, 1e8);
        if (cap == 0) {
            throw new IssueParseException(file, capNode.line(), "capability of " + name + " is 0; it must be positive");
        }
        List<Double> pos = coordinates(a.required(file, "Position"), "dCoord", nd, "position of " + name);
        XmlTree salNode = a.required(file, "Salience");
        List<Double> sal = coordinates(salNode, "dSal", nd, "salience of " + name);
        double total = sal.stream().mapToDouble(Double::doubleValue).sum();
        if (total > 100 + 1e-9 || total == 0) {
            throw new IssueParseException(file, salNode.line(), "saliences of " + name + " add up to " + total
                    + "; they must add up to more than 0 and at most 100");
        }
        return new Actor(name, desc, cap, pos, sal);
    }

    private List<Double> coordinates(XmlTree node, String element, int nd, String what) throws IssueParseException {
        List<XmlTree> cs = node.all(element);
        if (cs.size() != nd) {
            throw new IssueParseException(file, node.line(), what + " has " + cs.size() + " <" + element + "> values, expected one per dimension ("
                    + nd + ")");
        }
        List<Double> out = new ArrayList<>();
        for (int k = 0; k < nd; k++) {
            XmlTree c = cs.get(k);
            if (c.text().isEmpty()) {
                throw new IssueParseException(file, c.line(), "<" + element + "> is empty (" + what + ", dimension " + (k + 1)
                        + "); give a number from 0 to 100");
            }
            out.add(Values.number(file, c.line(), c.text(), what + " on dimension " + (k + 1), 0, 100));
        }
        return out;
    }

    private List<IdealAdjustment> adjustments(XmlTree node, Map<String, Integer> index) throws IssueParseException {
        List<IdealAdjustment> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        for (XmlTree p : node.all("iaPair")) {
            int adjusting = actorIndex(p, "adjustingIdeal", index);
            int reference = actorIndex(p, "referencePos", index);
            XmlTree w = p.required(file, "adjust");
            out.add(new IdealAdjustment(adjusting, reference, Values.number(file, w.line(), w.text(), "adjust", 0, 1)));
        }
        return out;
    }

    private int actorIndex(XmlTree pair, String element, Map<String, Integer> index) throws IssueParseException {
        XmlTree n = pair.required(file, element);
        Integer i = index.get(n.text());
        if (i == null) {
            throw new IssueParseException(file, n.line(), element + " names " + Quote.of(n.text()) + ", who is not among the actors");
        }
        return i;
    }
}
