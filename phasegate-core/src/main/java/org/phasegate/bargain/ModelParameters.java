package org.phasegate.bargain;

import java.util.Arrays;
import java.util.Objects;

/**
 * The nine switches of KTAB's spatial model of politics, with KTAB's defaults.
 * Each option keeps the name that KTAB's log and XML reader use, so files and
 * reports can be compared with KTAB's side by side.
 */
public record ModelParameters(
        VictoryProbModel victoryProbModel,
        PceModel pceModel,
        StateTransitions stateTransitions,
        VotingRule votingRule,
        BigRAdjust bigRAdjust,
        BigRRange bigRRange,
        ThirdPartyCommit thirdPartyCommit,
        InterVecBrgn interVecBrgn,
        BargainModel bargainModel) {

    public ModelParameters {
        Objects.requireNonNull(victoryProbModel, "victoryProbModel");
        Objects.requireNonNull(pceModel, "pceModel");
        Objects.requireNonNull(stateTransitions, "stateTransitions");
        Objects.requireNonNull(votingRule, "votingRule");
        Objects.requireNonNull(bigRAdjust, "bigRAdjust");
        Objects.requireNonNull(bigRRange, "bigRRange");
        Objects.requireNonNull(thirdPartyCommit, "thirdPartyCommit");
        Objects.requireNonNull(interVecBrgn, "interVecBrgn");
        Objects.requireNonNull(bargainModel, "bargainModel");
    }

    /** KTAB's defaults, used by every CSV run. */
    public static ModelParameters defaults() {
        return new ModelParameters(VictoryProbModel.LINEAR, PceModel.CONDITIONAL,
                StateTransitions.DETERMINISTIC, VotingRule.PROP, BigRAdjust.ONE_THIRD, BigRRange.MID,
                ThirdPartyCommit.SEMI_COMMIT, InterVecBrgn.S2P2, BargainModel.INIT_ONLY_INTERP);
    }

    public ModelParameters withStateTransitions(StateTransitions st) {
        return new ModelParameters(victoryProbModel, pceModel, st, votingRule, bigRAdjust, bigRRange,
                thirdPartyCommit, interVecBrgn, bargainModel);
    }

    /** The parameters as KTAB's log prints them. */
    public String describe() {
        return "VictoryProbModel: " + victoryProbModel.ktabName() + ", VotingRule: " + votingRule.ktabName()
                + ", PCEModel: " + pceModel.ktabName() + ", StateTransitions: " + stateTransitions.ktabName()
                + ", BigRRange: " + bigRRange.ktabName() + ", BigRAdjust: " + bigRAdjust.ktabName()
                + ", ThirdPartyCommit: " + thirdPartyCommit.ktabName() + ", InterVecBrgn: " + interVecBrgn.ktabName()
                + ", BargnModel: " + bargainModel.ktabName();
    }

    /** An option with the name KTAB gives it. */
    public interface Named {
        String ktabName();
    }

    /** Finds the option of {@code type} named {@code name}, or null when none is. */
    public static <E extends Enum<E> & Named> E byName(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.ktabName().equals(name)).findFirst().orElse(null);
    }

    /** The names accepted for {@code type}, for error messages. */
    public static <E extends Enum<E> & Named> String names(Class<E> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Named::ktabName).toList());
    }

    public enum PceModel implements Named {
        CONDITIONAL("Conditional"), MARKOV_INCENTIVE("MarkovIncentive"), MARKOV_UNIFORM("MarkovUniform");
        private final String ktabName;
        PceModel(String n) { ktabName = n; }
        @Override public String ktabName() { return ktabName; }
    }

    public enum StateTransitions implements Named {
        DETERMINISTIC("Deterministic"), STOCHASTIC("Stochastic");
        private final String ktabName;
        StateTransitions(String n) { ktabName = n; }
        @Override public String ktabName() { return ktabName; }
    }

    public enum BigRRange implements Named {
        MIN("Min"), MID("Mid"), MAX("Max");
        private final String ktabName;
        BigRRange(String n) { ktabName = n; }
        @Override public String ktabName() { return ktabName; }
    }

    public enum ThirdPartyCommit implements Named {
        NO_COMMIT("NoCommit"), SEMI_COMMIT("SemiCommit"), FULL_COMMIT("FullCommit");
        private final String ktabName;
        ThirdPartyCommit(String n) { ktabName = n; }
        @Override public String ktabName() { return ktabName; }
    }

    public enum InterVecBrgn implements Named {
        S1P1("S1P1"), S2P2("S2P2"), S2P_MAX("S2PMax");
        private final String ktabName;
        InterVecBrgn(String n) { ktabName = n; }
        @Override public String ktabName() { return ktabName; }
    }

    public enum BargainModel implements Named {
        INIT_ONLY_INTERP("InitOnlyInterp"), INIT_RCVR_INTERP("InitRcvrInterp"), PW_COMP_INTERP("PWCompInterp");
        private final String ktabName;
        BargainModel(String n) { ktabName = n; }
        @Override public String ktabName() { return ktabName; }
    }
}
