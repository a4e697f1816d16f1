package org.phasegate.bargain;

/**
 * What every actor makes of one state: the salience-weighted distance from
 * each actor's ideal to each position, the risk attitudes inferred from how
 * likely each position is to prevail, and from those h's estimate of the
 * utility to i of j's position (KTAB's {@code aUtil[h](i, j)}), computed on
 * demand instead of stored as n³ numbers.
 */
final class Assessment {
    final Model model;
    final double[][] positions;
    final double[][] ideals;
    /** diff[i][j]: distance from i's ideal to j's position, by i's saliences. */
    final double[][] diff;
    /** Each actor's risk attitude. */
    final double[] risk;

    Assessment(Model model, double[][] positions, double[][] ideals) {
        this.model = model;
        this.positions = positions;
        this.ideals = ideals;
        int n = model.actors;
        diff = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                diff[i][j] = Utility.distance(ideals[i], positions[j], model.salience[i]);
            }
        }
        risk = Utility.riskAttitudes(riskNeutralProbabilities(), model.parameters.bigRRange());
    }

    private double[] riskNeutralProbabilities() {
        int n = model.actors;
        double[][] u = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                u[i][j] = Utility.ofDistance(diff[i][j], 0.0);
            }
        }
        ModelParameters p = model.parameters;
        return Pce.scalar(n, n, model.capability, u, p.votingRule(), p.victoryProbModel(), p.pceModel());
    }

    /** h's estimate of i's risk attitude. */
    double estimatedRisk(int h, int i) {
        return model.parameters.bigRAdjust().estimate(risk[h], risk[i]);
    }

    /** h's estimate of the utility to i of j's position. */
    double utility(int h, int i, int j) {
        return Utility.ofDistance(diff[i][j], estimatedRisk(h, i));
    }

    /** The utility to i, with i's own risk attitude, of an arbitrary position. */
    double ownUtility(int i, double[] position) {
        return Utility.ofDistance(Utility.distance(ideals[i], position, model.salience[i]), risk[i]);
    }
}
