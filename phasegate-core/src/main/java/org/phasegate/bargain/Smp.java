package org.phasegate.bargain;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Phasegate's implementation of KTAB's Spatial Model of Politics (SMP).
 *
 * <p>Design note. KTAB assesses each state by filling n matrices of n×n
 * utilities and, for logging, evaluates every actor's view of every possible
 * challenge (n⁴ work per turn), writing most of it to SQLite. Only the
 * initiators' own estimates decide the outcome, so this engine computes those
 * (n³ per turn), derives utilities on demand from an n×n distance matrix, and
 * keeps KTAB's order of floating-point operations so that positions agree.
 * Stochastic runs draw from one generator in a fixed order (actor 0, 1, …
 * each turn), so a seed always gives the same history, unlike KTAB's threads.
 */
public final class Smp {
    /** Stop when the last step moved less than this fraction of the first step. */
    public static final double MIN_DELTA_RATIO = 0.02;
    public static final int MIN_STEPS = 2;
    public static final int MAX_STEPS = 100;
    // guards the ratio against a first step of zero
    private static final double MIN_SIGNIFICANT_DELTA = 1E-4;
    // positions closer than this count as one option when computing winning probabilities
    private static final double POSITION_TOLERANCE = 1E-5;

    private Smp() {
    }

    /** Runs the issue with a generator seeded from the issue's own seed. */
    public static BargainResult run(Issue issue) {
        return run(issue, new SplittableRandom(issue.seed()));
    }

    public static BargainResult run(Issue issue, RandomGenerator rng) {
        Model m = new Model(issue);
        double[][] positions = m.initialPositions(issue);
        Assessment a = new Assessment(m, positions, positions);
        List<Assessment> history = new ArrayList<>();
        history.add(a);
        double firstDelta = 0;
        double ratio = Double.NaN;
        for (int step = 1; ; step++) {
            double[][][] next = Step.next(a, rng);
            Assessment b = new Assessment(m, next[0], next[1]);
            history.add(b);
            double delta = stateDistance(a.positions, b.positions);
            if (step == 1) {
                firstDelta = delta;
            }
            ratio = delta / (firstDelta + MIN_SIGNIFICANT_DELTA);
            a = b;
            if (step >= MAX_STEPS || (step >= MIN_STEPS && ratio < MIN_DELTA_RATIO)) {
                boolean converged = ratio < MIN_DELTA_RATIO && step >= MIN_STEPS;
                return result(issue, history, converged, ratio);
            }
        }
    }

    private static BargainResult result(Issue issue, List<Assessment> history, boolean converged, double ratio) {
        List<double[][]> positions = new ArrayList<>();
        List<double[][]> ideals = new ArrayList<>();
        List<double[]> wins = new ArrayList<>();
        for (Assessment s : history) {
            positions.add(s.positions);
            ideals.add(s.ideals);
            wins.add(winProbabilities(s));
        }
        return new BargainResult(issue, positions, ideals, wins, converged, ratio);
    }

    /** Sum over actors of the Euclidean distance each moved. */
    static double stateDistance(double[][] p, double[][] q) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum = sum + Utility.euclid(p[i], q[i]);
        }
        return sum;
    }

    /**
     * Each actor's probability that its position prevails (KTAB's "winning
     * probabilities"): a Condorcet election among the distinct positions, each
     * actor judging by its own risk-aware utility. Actors sharing a position share its probability.
     */
    static double[] winProbabilities(Assessment s) {
        Model m = s.model;
        int n = m.actors;
        List<Integer> unique = new ArrayList<>();
        int[] option = new int[n];
        for (int i = 0; i < n; i++) {
            option[i] = -1;
            for (int u = 0; u < unique.size(); u++) {
                if (Utility.euclid(s.positions[i], s.positions[unique.get(u)]) < POSITION_TOLERANCE) {
                    option[i] = u;
                }
            }
            if (option[i] < 0) {
                option[i] = unique.size();
                unique.add(i);
            }
        }
        double[][] u = new double[n][unique.size()];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < unique.size(); j++) {
                u[i][j] = s.utility(i, i, unique.get(j));
            }
        }
        ModelParameters p = m.parameters;
        double[] pu = Pce.scalar(n, unique.size(), m.capability, u, VotingRule.PROP, p.victoryProbModel(), p.pceModel());
        double[] pa = new double[n];
        for (int i = 0; i < n; i++) {
            pa[i] = pu[option[i]];
        }
        return pa;
    }
}
