package org.phasegate.bargain;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One turn of the SMP (KTAB's {@code doBCN}): every actor picks its most
 * advantageous challenge and proposes a bargain; each actor then weighs its
 * status quo against every bargain it made or received, by a probabilistic
 * Condorcet election among all actors, and adopts the winner (deterministic)
 * or a draw by those probabilities (stochastic). Ideals then follow positions
 * through the accommodation matrix.
 */
final class Step {
    // expected gains below this are noise
    private static final double MIN_SIGNIFICANT_GAIN = 1e-5;

    private Step() {
    }

    /** The next state's positions and ideals, {positions, ideals}. */
    static double[][][] next(Assessment a, RandomGenerator rng) {
        List<List<Bargain>> queues = proposeBargains(a);
        Model m = a.model;
        double[][] next = new double[m.actors][];
        for (int k = 0; k < m.actors; k++) {
            List<Bargain> queue = queues.get(k);
            double[] p = choiceProbabilities(a, queue);
            int chosen = m.parameters.stateTransitions() == ModelParameters.StateTransitions.DETERMINISTIC
                    ? argMax(p) : draw(p, rng);
            Bargain b = queue.get(chosen);
            next[k] = b.isStatusQuo() ? a.positions[k] : b.positionOf(k);
        }
        return new double[][][] {next, newIdeals(m, next, a.ideals)};
    }

    /** Each actor's queue: in KTAB's order, bargains are appended as actors 0, 1, … propose. */
    static List<List<Bargain>> proposeBargains(Assessment a) {
        Model m = a.model;
        List<List<Bargain>> queues = new ArrayList<>();
        for (int i = 0; i < m.actors; i++) {
            queues.add(new ArrayList<>());
        }
        BestChallenge[] best = bestChallenges(a);
        for (int i = 0; i < m.actors; i++) {
            queues.get(i).add(Bargain.statusQuo(i, a.positions[i]));
            BestChallenge c = best[i];
            if (c != null) {
                for (Bargain b : Proposal.bargains(a, i, c.target(), c.probability())) {
                    queues.get(i).add(b);
                    queues.get(c.target()).add(b);
                }
            }
        }
        return queues;
    }

    record BestChallenge(int target, double probability, double gain) {
    }

    /** Each actor's best challenge, or null when no challenge gains it anything. */
    static BestChallenge[] bestChallenges(Assessment a) {
        int n = a.model.actors;
        BestChallenge[] best = new BestChallenge[n];
        java.util.stream.IntStream.range(0, n).parallel().forEach(i -> best[i] = bestChallenge(a, i));
        return best;
    }

    private static BestChallenge bestChallenge(Assessment a, int i) {
        int bestJ = -1;
        double pIJ = 0;
        double bestEU = -1.0;
        for (int j = 0; j < a.model.actors; j++) {
            if (j == i) {
                continue;
            }
            double[] pe = Challenge.evaluate(a, i, i, i, j);
            if (MIN_SIGNIFICANT_GAIN < pe[1] && bestEU < pe[1]) {
                bestJ = j;
                pIJ = pe[0];
                bestEU = pe[1];
            }
        }
        return bestJ >= 0 && 0 < bestEU ? new BestChallenge(bestJ, pIJ, bestEU) : null;
    }

    /** The probability that each bargain in the queue prevails among all actors. */
    static double[] choiceProbabilities(Assessment a, List<Bargain> queue) {
        Model m = a.model;
        int nb = queue.size();
        double[][] u = new double[m.actors][nb];
        for (int h = 0; h < m.actors; h++) {
            for (int b = 0; b < nb; b++) {
                u[h][b] = stateUtility(a, h, queue.get(b));
            }
        }
        ModelParameters p = m.parameters;
        return Pce.scalar(m.actors, nb, m.capability, u, p.votingRule(), p.victoryProbModel(), p.pceModel());
    }

    /** Actor h's average utility over all positions once the bargain is carried out. */
    private static double stateUtility(Assessment a, int h, Bargain b) {
        int n = a.model.actors;
        double sum = 0.0;
        if (b.isStatusQuo()) {
            for (int x = 0; x < n; x++) {
                sum = sum + a.utility(h, h, x);
            }
        } else {
            sum = sum + a.ownUtility(h, b.initPos());
            sum = sum + a.ownUtility(h, b.rcvrPos());
            for (int x = 0; x < n; x++) {
                if (x != b.initiator() && x != b.receiver()) {
                    sum = sum + a.utility(h, h, x);
                }
            }
        }
        return sum / n;
    }

    /** The first index of the largest probability (KTAB's ndxMaxAbs on a probability vector). */
    static int argMax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (Math.abs(p[i]) > Math.abs(p[best])) {
                best = i;
            }
        }
        return best;
    }

    static int draw(double[] p, RandomGenerator rng) {
        double r = rng.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < p.length; i++) {
            cumulative += p[i];
            if (r < cumulative) {
                return i;
            }
        }
        return p.length - 1;
    }

    /** New ideal: row weights times new positions, plus the rest of the row times the old ideal. */
    static double[][] newIdeals(Model m, double[][] positions, double[][] oldIdeals) {
        if (m.identityAccommodation) {
            return positions;
        }
        int n = m.actors;
        double[][] ideals = new double[n][m.dims];
        for (int i = 0; i < n; i++) {
            double si = 0.0;
            double[] ideal = new double[m.dims];
            for (int j = 0; j < n; j++) {
                double aij = m.accommodation[i][j];
                si = si + aij;
                for (int k = 0; k < m.dims; k++) {
                    ideal[k] = ideal[k] + aij * positions[j][k];
                }
            }
            double lag = 1.0 - Math.min(1.0, si);
            for (int k = 0; k < m.dims; k++) {
                ideal[k] = ideal[k] + lag * oldIdeals[i][k];
            }
            ideals[i] = ideal;
        }
        return ideals;
    }
}
