package org.phasegate.bargain;

import java.util.ArrayList;
import java.util.List;

/**
 * The history of one run: positions and ideals per turn, actor and dimension
 * (turn 0 = the input), each actor's probability of prevailing per turn, and
 * why the run stopped. Values are reported on the 0–100 scale.
 */
public final class BargainResult {
    private final Issue issue;
    private final List<double[][]> positions;
    private final List<double[][]> ideals;
    private final List<double[]> winProbabilities;
    private final boolean converged;
    private final double lastChangeRatio;

    BargainResult(Issue issue, List<double[][]> positions, List<double[][]> ideals, List<double[]> winProbabilities,
                  boolean converged, double lastChangeRatio) {
        this.issue = issue;
        this.positions = List.copyOf(positions);
        this.ideals = List.copyOf(ideals);
        this.winProbabilities = List.copyOf(winProbabilities);
        this.converged = converged;
        this.lastChangeRatio = lastChangeRatio;
    }

    public Issue issue() {
        return issue;
    }

    /** The last turn's number; turns run 0..lastTurn(). */
    public int lastTurn() {
        return positions.size() - 1;
    }

    public int actors() {
        return issue.actors().size();
    }

    public int dimensions() {
        return issue.dimensions().size();
    }

    /** Position on the 0–100 scale. */
    public double position(int turn, int actor, int dim) {
        return 100 * positions.get(turn)[actor][dim];
    }

    /** Ideal point on the 0–100 scale. */
    public double ideal(int turn, int actor, int dim) {
        return 100 * ideals.get(turn)[actor][dim];
    }

    public double winProbability(int turn, int actor) {
        return winProbabilities.get(turn)[actor];
    }

    /** True when the stop rule fired, false when the run hit the step cap. */
    public boolean converged() {
        return converged;
    }

    /** The stop rule's last ratio: last step's movement over the first step's. */
    public double lastChangeRatio() {
        return lastChangeRatio;
    }

    /**
     * The predicted outcome per dimension: the final position most likely to
     * prevail (ties go to the lower actor index).
     */
    public List<Double> predictedOutcome() {
        int t = lastTurn();
        int best = 0;
        for (int i = 1; i < actors(); i++) {
            if (winProbability(t, i) > winProbability(t, best)) {
                best = i;
            }
        }
        List<Double> out = new ArrayList<>();
        for (int k = 0; k < dimensions(); k++) {
            out.add(position(t, best, k));
        }
        return out;
    }
}
