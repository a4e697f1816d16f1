package org.phasegate.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BrierDecompositionTest {

    @Test
    void byValueByHand() {
        // Murphy 1973: values 0.1 (n 2, ō 0.5), 0.5 (n 1, ō 0), 0.9 (n 2, ō 1); ō = 0.6.
        // REL = (2·0.16 + 1·0.25 + 2·0.01)/5 = 0.118; RES = (2·0.01 + 1·0.36 + 2·0.16)/5 = 0.14; UNC = 0.24;
        // BS = (0.01 + 0.81 + 0.01 + 0.01 + 0.25)/5 = 0.218 = 0.118 − 0.14 + 0.24
        var f = BinaryForecasts.of(new double[] {0.1, 0.1, 0.9, 0.9, 0.5}, new int[] {0, 1, 1, 1, 0});
        var d = Brier.decomposeByValue(f);
        assertThat(d.brier()).isCloseTo(0.218, within(1e-15));
        assertThat(d.reliability()).isCloseTo(0.118, within(1e-15));
        assertThat(d.resolution()).isCloseTo(0.14, within(1e-15));
        assertThat(d.uncertainty()).isCloseTo(0.24, within(1e-15));
        assertThat(d.withinBin()).isCloseTo(0, within(1e-15));
        assertThat(d.diagram().bins()).extracting(ReliabilityDiagram.Bin::lower).containsExactly(0.1, 0.5, 0.9);
    }

    @Test
    void widerBinsLeaveTheForecastsSpreadAsTheRemainder() {
        // scikit-learn's calibration_curve test data in 2 bins: (0.1, ō 0) and (0.9, ō 1), n 3 each, ō = 0.5.
        // REL = (3·0.01 + 3·0.01)/6 = 0.01; RES = 0.25; UNC = 0.25; BS = 0.1/6; remainder = 0.1/6 − 0.01 = 0.02/3,
        // the forecasts' variance inside the bins (0.02/3 in each), as Stephenson et al. 2008 say
        var f = BinaryForecasts.of(new double[] {0, 0.1, 0.2, 0.8, 0.9, 1}, new int[] {0, 0, 0, 1, 1, 1});
        var d = Brier.decompose(f, new Binning(2));
        assertThat(d.reliability()).isCloseTo(0.01, within(1e-15));
        assertThat(d.resolution()).isCloseTo(0.25, within(1e-15));
        assertThat(d.uncertainty()).isCloseTo(0.25, within(1e-15));
        assertThat(d.withinBin()).isCloseTo(0.02 / 3, within(1e-15));
    }

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    /** The remainder equals the within-bin variance minus twice the within-bin covariance, computed here directly. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void remainderIsStephensonsWithinBinTerms(long seed) {
        var rng = new SplittableRandom(seed);
        int n = rng.nextInt(1, 60), bins = rng.nextInt(1, 12);
        double[] p = new double[n];
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = rng.nextInt(4) == 0 ? rng.nextInt(bins + 1) / (double) bins : rng.nextDouble();   // edges too
            o[i] = rng.nextDouble() < p[i] ? 1 : 0;
        }
        var f = BinaryForecasts.of(p, o);
        var binning = new Binning(bins);
        double[] count = new double[bins], sumP = new double[bins], sumO = new double[bins];
        for (int i = 0; i < n; i++) {
            int k = bin(p[i], bins);
            count[k]++;
            sumP[k] += p[i];
            sumO[k] += o[i];
        }
        double wbv = 0, wbc = 0;
        for (int i = 0; i < n; i++) {
            int k = bin(p[i], bins);
            double dp = p[i] - sumP[k] / count[k];
            wbv += dp * dp;
            wbc += (o[i] - sumO[k] / count[k]) * dp;
        }
        var d = Brier.decompose(f, binning);
        assertThat(d.withinBin()).as("seed %d", seed).isCloseTo((wbv - 2 * wbc) / n, within(1e-12));
        assertThat(Brier.decomposeByValue(f).withinBin()).as("seed %d", seed).isCloseTo(0, within(1e-12));
        assertThat(d.diagram().count()).isEqualTo(n);
    }

    /** A bin by linear scan: the first bin whose upper edge k·(1/bins) (1 for the last) is at or above p. */
    private static int bin(double p, int bins) {
        for (int k = 0; k < bins - 1; k++) if (p <= (k + 1) * (1.0 / bins)) return k;
        return bins - 1;
    }

    @Test
    void anEdgeBelongsToTheLowerBinAsInScikitLearn() {
        var b = new Binning(2);
        assertThat(b.of(0.5)).isZero();
        assertThat(b.of(Math.nextUp(0.5))).isEqualTo(1);
        assertThat(b.of(0)).isZero();
        assertThat(b.of(1)).isEqualTo(1);
        assertThat(new Binning(10).of(0.3)).isEqualTo(2);   // numpy's edge 3·0.1 = 0.30000000000000004 is above 0.3
    }

    @Test
    void badInputIsRefusedWithWhatAndWhere() {
        assertThatThrownBy(() -> BinaryForecasts.of(new double[] {0.2, 1.5}, new int[] {0, 1}))
                .hasMessage("forecast 1 is 1.5, not a probability in [0, 1]");
        assertThatThrownBy(() -> BinaryForecasts.of(new double[] {0.2, Double.NaN}, new int[] {0, 1}))
                .hasMessage("forecast 1 is NaN, not a probability in [0, 1]");
        assertThatThrownBy(() -> BinaryForecasts.of(new double[] {0.2}, new int[] {2})).hasMessage("outcome 0 is 2, not 0 or 1");
        assertThatThrownBy(() -> BinaryForecasts.of(new double[] {0.2}, new int[] {0, 1}))
                .hasMessage("1 forecasts but 2 outcomes: each forecast needs its outcome");
        assertThatThrownBy(() -> BinaryForecasts.of(new double[0], new int[0])).hasMessage("no forecasts to score");
        assertThatThrownBy(() -> new Binning(0)).hasMessage("bins must be 1..10000, not 0");
    }
}
