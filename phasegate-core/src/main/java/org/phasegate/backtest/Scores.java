package org.phasegate.backtest;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.phasegate.score.BinaryForecasts;
import org.phasegate.score.Binning;
import org.phasegate.score.Brier;
import org.phasegate.score.BrierDecomposition;
import org.phasegate.score.LogScore;
import org.phasegate.score.ReliabilityDiagram;

/**
 * One forecaster's scores over a set of resolved questions: the Brier score with Murphy's decomposition over ten
 * equal-width bins, the log score (clamped as {@link LogScore} says) and the reliability diagram of those bins.
 */
public record Scores(int n, double brier, LogScore log, BrierDecomposition murphy, ReliabilityDiagram reliability) {

    /** Ten bins of 0.1, as the reliability diagram draws them. */
    public static final Binning BINS = new Binning(10);

    /** The scores of the probabilities {@code p} picks from each resolved question; refuses an unresolved one. */
    public static Scores of(List<Asked> resolved, ToDoubleFunction<Asked> p) {
        double[] ps = resolved.stream().mapToDouble(p).toArray();
        int[] outcomes = resolved.stream().mapToInt(a -> a.resolution().outcome()).toArray();
        var f = BinaryForecasts.of(ps, outcomes);
        return new Scores(f.size(), Brier.score(f), LogScore.of(f), Brier.decompose(f, BINS), ReliabilityDiagram.of(f, BINS));
    }
}
