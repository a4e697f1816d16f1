package org.phasegate.score;

/**
 * The Brier score (Brier 1950, Monthly Weather Review 78:1) of probability forecasts of yes/no questions: the mean
 * of (p − o)², 0 for certain and right, 1 for certain and wrong, 0.25 for always saying 0.5. Lower is better. It is
 * what scikit-learn calls brier_score_loss. See docs/scoring.md.
 */
public final class Brier {
    private Brier() {
    }

    public static double score(BinaryForecasts f) {
        double sum = 0;
        for (int i = 0; i < f.size(); i++) {
            double e = f.p(i) - f.outcome(i);
            sum += e * e;
        }
        return sum / f.size();
    }

    /** Murphy's decomposition over equal-width bins of the forecasts. */
    public static BrierDecomposition decompose(BinaryForecasts f, Binning binning) {
        return BrierDecomposition.of(score(f), f.baseRate(), ReliabilityDiagram.of(f, binning));
    }

    /** Murphy's decomposition with one bin per distinct forecast value: exact, {@code withinBin} is 0 up to rounding. */
    public static BrierDecomposition decomposeByValue(BinaryForecasts f) {
        return BrierDecomposition.of(score(f), f.baseRate(), ReliabilityDiagram.byValue(f));
    }
}
