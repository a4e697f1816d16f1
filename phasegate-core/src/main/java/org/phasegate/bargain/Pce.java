package org.phasegate.bargain;

/**
 * Probabilistic Condorcet election: from actors' weights and utilities over a
 * set of options to each option's probability of prevailing (KTAB's
 * {@code scalarPCE}, {@code coalitions}, {@code condPCE} and the two Markov
 * variants). The sums run in KTAB's order so results agree to the last bits.
 */
final class Pce {
    private static final double MIN_COALITION = 1E-8;
    private static final double MARKOV_INCENTIVE_TOL = 1E-8;
    private static final double MARKOV_UNIFORM_TOL = 1E-6;
    private static final double EPS_SUPPORT = 1E-10;
    private static final int MAX_MARKOV_ITERATIONS = 1000;

    private Pce() {
    }

    /** Probability of each option; {@code u[actor][option]}, {@code w[actor]}. */
    static double[] scalar(int numAct, int numOpt, double[] w, double[][] u, VotingRule vr,
                           VictoryProbModel vpm, ModelParameters.PceModel pcem) {
        return probabilities(pcem, vpm, coalitions(numAct, numOpt, w, u, vr));
    }

    /** c[i][j]: strength of the coalition preferring option i to option j. */
    static double[][] coalitions(int numAct, int numOpt, double[] w, double[][] u, VotingRule vr) {
        double[][] c = new double[numOpt][numOpt];
        for (int i = 0; i < numOpt; i++) {
            for (int j = 0; j < i; j++) {
                double cij = MIN_COALITION;
                double cji = MIN_COALITION;
                for (int k = 0; k < numAct; k++) {
                    double v = vr.vote(w[k], u[k][i], u[k][j]);
                    if (v > 0) {
                        cij = cij + v;
                    }
                    if (v < 0) {
                        cji = cji - v;
                    }
                }
                c[i][j] = cij;
                c[j][i] = cji;
            }
            c[i][i] = MIN_COALITION;
        }
        return c;
    }

    static double[] probabilities(ModelParameters.PceModel pcem, VictoryProbModel vpm, double[][] c) {
        return switch (pcem) {
            case CONDITIONAL -> conditional(victory(vpm, c));
            case MARKOV_INCENTIVE -> markovIncentive(c, victory(vpm, c));
            case MARKOV_UNIFORM -> markovUniform(victory(vpm, c));
        };
    }

    /** p[i][j]: probability that option i defeats option j. */
    static double[][] victory(VictoryProbModel vpm, double[][] c) {
        int n = c.length;
        double[][] p = new double[n][n];
        double[] pair = new double[2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                vpm.probabilities(c[i][j], c[j][i], pair);
                p[i][j] = pair[0];
                p[j][i] = pair[1];
            }
            p[i][i] = 0.5;
        }
        return p;
    }

    /** One-step conditional probability that each option beats all others. */
    static double[] conditional(double[][] pv) {
        int n = pv.length;
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            double pi = 1.0;
            for (int j = 0; j < n; j++) {
                pi = pi * pv[i][j];
            }
            p[i] = pi;
        }
        double sum = 0;
        for (double pi : p) {
            sum += pi;
        }
        for (int i = 0; i < n; i++) {
            p[i] = p[i] / sum;
        }
        return p;
    }

    /** Markov chain of challenges, each challenge as likely as the incentive to make it. */
    static double[] markovIncentive(double[][] c, double[][] pv) {
        int n = c.length;
        double[][] incentive = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                incentive[i][j] = c[i][j] * pv[i][j] + (i == j ? EPS_SUPPORT : 0);
            }
        }
        double[][] challenge = new double[n][n];
        for (int j = 0; j < n; j++) {
            double sum = 0.0;
            for (int k = 0; k < n; k++) {
                sum = sum + incentive[k][j];
            }
            for (int i = 0; i < n; i++) {
                challenge[i][j] = incentive[i][j] / sum;
            }
        }
        double[] p = uniform(n);
        double[] q = new double[n];
        double[][] ct = new double[n][n];
        double change = 1.0;
        int iter = 0;
        while (MARKOV_INCENTIVE_TOL < change) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    ct[i][j] = p[i] * challenge[j][i];
                }
            }
            change = 0.0;
            for (int i = 0; i < n; i++) {
                double qi = 0.0;
                for (int j = 0; j < n; j++) {
                    qi = qi + pv[i][j] * (ct[i][j] + ct[j][i]);
                }
                q[i] = qi;
                change = Math.max(change, Math.abs(qi - p[i]));
            }
            p = average(p, q);
            iter = checkIterations(iter);
        }
        return p;
    }

    /** Markov chain of challenges, every challenge equally likely. */
    static double[] markovUniform(double[][] pv) {
        int n = pv.length;
        double[] p = uniform(n);
        double[] q = new double[n];
        double change = 1.0;
        int iter = 0;
        while (MARKOV_UNIFORM_TOL < change) {
            change = 0;
            for (int i = 0; i < n; i++) {
                double pi = 0.0;
                for (int j = 0; j < n; j++) {
                    pi = pi + pv[i][j] * (p[i] + p[j]);
                }
                q[i] = pi / n;
                change = Math.max(change, Math.abs(q[i] - p[i]));
            }
            p = average(p, q);
            iter = checkIterations(iter);
        }
        return p;
    }

    private static double[] uniform(int n) {
        double[] p = new double[n];
        java.util.Arrays.fill(p, 1.0 / n);
        return p;
    }

    private static double[] average(double[] p, double[] q) {
        double[] r = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            r[i] = (p[i] + q[i]) / 2.0;
        }
        return r;
    }

    private static int checkIterations(int iter) {
        if (iter + 1 >= MAX_MARKOV_ITERATIONS) {
            throw new ArithmeticException("Markov PCE did not converge in " + MAX_MARKOV_ITERATIONS + " iterations");
        }
        return iter + 1;
    }
}
