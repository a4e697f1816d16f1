package org.phasegate.bargain;

import org.phasegate.problem.Quote;
import java.util.Map;

/** Replaces model parameters by KTAB name and value, e.g. {@code VotingRule=PropCbc}. */
public final class BargainParameterOverrides {
    private BargainParameterOverrides() {
    }

    public static ModelParameters apply(ModelParameters p, Map<String, String> overrides, String where)
            throws IssueParseException {
        ModelParameters r = p;
        for (var e : overrides.entrySet()) {
            r = one(r, e.getKey().trim(), e.getValue().trim(), where);
        }
        return r;
    }

    private static ModelParameters one(ModelParameters p, String name, String value, String where) throws IssueParseException {
        return switch (name) {
            case "VictoryProbModel" -> new ModelParameters(pick(VictoryProbModel.class, name, value, where), p.pceModel(),
                    p.stateTransitions(), p.votingRule(), p.bigRAdjust(), p.bigRRange(), p.thirdPartyCommit(), p.interVecBrgn(), p.bargainModel());
            case "PCEModel" -> new ModelParameters(p.victoryProbModel(), pick(ModelParameters.PceModel.class, name, value, where),
                    p.stateTransitions(), p.votingRule(), p.bigRAdjust(), p.bigRRange(), p.thirdPartyCommit(), p.interVecBrgn(), p.bargainModel());
            case "StateTransitions" -> p.withStateTransitions(pick(ModelParameters.StateTransitions.class, name, value, where));
            case "VotingRule" -> new ModelParameters(p.victoryProbModel(), p.pceModel(), p.stateTransitions(),
                    pick(VotingRule.class, name, value, where), p.bigRAdjust(), p.bigRRange(), p.thirdPartyCommit(), p.interVecBrgn(), p.bargainModel());
            case "BigRAdjust" -> new ModelParameters(p.victoryProbModel(), p.pceModel(), p.stateTransitions(), p.votingRule(),
                    pick(BigRAdjust.class, name, value, where), p.bigRRange(), p.thirdPartyCommit(), p.interVecBrgn(), p.bargainModel());
            case "BigRRange" -> new ModelParameters(p.victoryProbModel(), p.pceModel(), p.stateTransitions(), p.votingRule(),
                    p.bigRAdjust(), pick(ModelParameters.BigRRange.class, name, value, where), p.thirdPartyCommit(), p.interVecBrgn(), p.bargainModel());
            case "ThirdPartyCommit" -> new ModelParameters(p.victoryProbModel(), p.pceModel(), p.stateTransitions(), p.votingRule(),
                    p.bigRAdjust(), p.bigRRange(), pick(ModelParameters.ThirdPartyCommit.class, name, value, where), p.interVecBrgn(), p.bargainModel());
            case "InterVecBrgn" -> new ModelParameters(p.victoryProbModel(), p.pceModel(), p.stateTransitions(), p.votingRule(),
                    p.bigRAdjust(), p.bigRRange(), p.thirdPartyCommit(), pick(ModelParameters.InterVecBrgn.class, name, value, where), p.bargainModel());
            case "BargnModel" -> new ModelParameters(p.victoryProbModel(), p.pceModel(), p.stateTransitions(), p.votingRule(),
                    p.bigRAdjust(), p.bigRRange(), p.thirdPartyCommit(), p.interVecBrgn(), pick(ModelParameters.BargainModel.class, name, value, where));
            default -> throw new IssueParseException(where, 0, "unknown model parameter '" + name
                    + "'; use VictoryProbModel, PCEModel, StateTransitions, VotingRule, BigRAdjust, BigRRange, ThirdPartyCommit, InterVecBrgn or BargnModel");
        };
    }

    private static <E extends Enum<E> & ModelParameters.Named> E pick(Class<E> type, String name, String value, String where)
            throws IssueParseException {
        E e = ModelParameters.byName(type, value);
        if (e == null) {
            throw new IssueParseException(where, 0, name + " " + Quote.of(value) + " is not recognised; use one of " + ModelParameters.names(type));
        }
        return e;
    }
}
