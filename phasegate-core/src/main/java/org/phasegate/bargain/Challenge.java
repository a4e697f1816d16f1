package org.phasegate.bargain;

/**
 * h's estimate of the probability that i beats j if i challenges j, and of the
 * expected change in utility for k compared with the status quo (KTAB's
 * {@code probEduChlg}). Third parties join the side they prefer in the little
 * three-actor contest; how firmly depends on {@link ModelParameters.ThirdPartyCommit}.
 */
final class Challenge {
    private static final double MIN_COALITION = 1E-10;

    private Challenge() {
    }

    /** Returns {probability i beats j, expected utility gain to k}. */
    static double[] evaluate(Assessment a, int h, int k, int i, int j) {
        Model m = a.model;
        VotingRule vr = m.parameters.votingRule();
        ModelParameters.ThirdPartyCommit tpc = m.parameters.thirdPartyCommit();
        double uii = a.utility(h, i, i);
        double uij = a.utility(h, i, j);
        double uji = a.utility(h, j, i);
        double ujj = a.utility(h, j, j);
        double uki = a.utility(h, k, i);
        double ukj = a.utility(h, k, j);
        double euSQ = uki + ukj;
        double uVictory = uki + uki;
        double uDefeat = ukj + ukj;
        double si = m.salienceSum[i];
        double sj = m.salienceSum[j];

        double contribI = vr.vote(si * m.capability[i], uii, uij);
        double contribJ = vr.vote(sj * m.capability[j], uji, ujj);
        double chij = MIN_COALITION;
        double chji = MIN_COALITION;
        if (contribI > 0.0) {
            chij = chij + contribI;
        }
        if (contribI < 0.0) {
            chji = chji - contribI;
        }
        if (contribJ > 0.0) {
            chij = chij + contribJ;
        }
        if (contribJ < 0.0) {
            chji = chji - contribJ;
        }
        double principalsI = chij;
        double principalsJ = chji;
        for (int n = 0; n < m.actors; n++) {
            if (n == i || n == j) {
                continue;
            }
            double wn = m.salienceSum[n] * m.capability[n];
            double rhn = a.estimatedRisk(h, n);
            double uni = Utility.ofDistance(a.diff[n][i], rhn);
            double unj = Utility.ofDistance(a.diff[n][j], rhn);
            double unn = Utility.ofDistance(a.diff[n][n], rhn);
            double pin = littleContest(vr, wn, uni, unj, principalsI, principalsJ);
            double vote = thirdPartyVote(wn, vr, tpc, pin, 1.0 - pin, uni, unj, unn);
            chij = vote > 0 ? chij + vote : chij;
            chji = vote < 0 ? chji - vote : chji;
        }
        double phij = chij / (chij + chji);
        double phji = chji / (chij + chji);
        double euContest = phij * uVictory + phji * uDefeat;
        double euChallenge = (1 - sj) * uVictory + sj * euContest;
        return new double[] {phij, euChallenge - euSQ};
    }

    /** n's estimate that i wins (i:j) when only i, j and n take part. */
    private static double littleContest(VotingRule vr, double wn, double uni, double unj, double ci, double cj) {
        double cn = vr.vote(wn, uni, unj);
        double cni = cn > 0 ? ci + cn : ci;
        double cnj = cn < 0 ? cj - cn : cj;
        return cni / (cni + cnj);
    }

    /** n's vote for i over j, from the sum of the three positions' utilities after each outcome. */
    private static double thirdPartyVote(double wn, VotingRule vr, ModelParameters.ThirdPartyCommit comm,
                                         double pin, double pjn, double uni, double unj, double unn) {
        double ikDefJ;
        double jDefIk;
        double iDefJk;
        double jkDefI;
        switch (comm) {
            case FULL_COMMIT -> {
                ikDefJ = uni + uni + uni;
                jDefIk = unj + unj + unj;
                iDefJk = uni + uni + uni;
                jkDefI = unj + unj + unj;
            }
            case SEMI_COMMIT -> {
                ikDefJ = uni + uni + unn;
                jDefIk = unj + unj + unj;
                iDefJk = uni + uni + uni;
                jkDefI = unj + unj + unn;
            }
            default -> {
                ikDefJ = uni + uni + unn;
                jDefIk = unj + unj + unn;
                iDefJk = uni + uni + unn;
                jkDefI = unj + unj + unn;
            }
        }
        double uIkJ = (pin * ikDefJ) + (pjn * jDefIk);
        double uIJk = (pin * iDefJk) + (pjn * jkDefI);
        return vr.vote(wn, uIkJ, uIJk);
    }
}
