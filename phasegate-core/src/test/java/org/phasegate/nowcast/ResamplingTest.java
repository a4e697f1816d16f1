package org.phasegate.nowcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ResamplingTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void eachRunIsChosenFloorOrCeilOfItsShareTimes(long seed) {
        var rng = new SplittableRandom(seed);
        int n = 1 + rng.nextInt(200);
        double[] logw = new double[n];
        for (int i = 0; i < n; i++) logw[i] = rng.nextInt(4) == 0 ? -800 - rng.nextDouble() * 50 : -10 * rng.nextDouble();
        double[] w = Resampling.normalise(logw);
        int[] ancestors = Resampling.systematic(w, 1 - rng.nextDouble());
        int[] count = new int[n];
        for (int i = 0; i < n; i++) {
            count[ancestors[i]]++;
            if (i > 0) assertThat(ancestors[i]).as("seed %d: ancestors in order", seed).isGreaterThanOrEqualTo(ancestors[i - 1]);
        }
        for (int i = 0; i < n; i++) {
            assertThat((double) count[i]).as("seed %d, run %d of %d, weight %s", seed, i, n, w[i])
                    .isBetween(Math.floor(n * w[i] - 1e-9), Math.ceil(n * w[i] + 1e-9));
        }
    }

    @Test
    void equalWeightsKeepEveryRunOnce() {
        double[] w = Resampling.normalise(new double[] {-3, -3, -3, -3, -3});
        assertThat(Resampling.systematic(w, 0.999)).containsExactly(0, 1, 2, 3, 4);
        assertThat(Resampling.systematic(w, 1e-12)).containsExactly(0, 1, 2, 3, 4);
        assertThat(Resampling.effectiveSampleSize(w)).isCloseTo(5, within(1e-12));
    }

    @Test
    void oneRunHoldingAllTheWeightIsAnEffectiveSampleOfOne() {
        double[] w = Resampling.normalise(new double[] {-2000, 0, -2000});
        assertThat(w).containsExactly(0, 1, 0);
        assertThat(Resampling.effectiveSampleSize(w)).isEqualTo(1);
        assertThat(Resampling.systematic(w, 0.5)).containsExactly(1, 1, 1);
    }

    @Test
    void weightsAreNormalisedFromLogsWithoutUnderflow() {
        double[] w = Resampling.normalise(new double[] {-1000, -1000 + Math.log(3)});
        assertThat(w[0]).isCloseTo(0.25, within(1e-12));
        assertThat(w[1]).isCloseTo(0.75, within(1e-12));
        assertThat(Resampling.effectiveSampleSize(w)).isCloseTo(1 / (0.0625 + 0.5625), within(1e-12));
    }

    @Test
    void refusesWhatCannotBeWeights() {
        assertThatThrownBy(() -> Resampling.normalise(new double[] {Double.NEGATIVE_INFINITY})).hasMessageContaining("every weight is zero");
        assertThatThrownBy(() -> Resampling.normalise(new double[] {Double.NaN})).hasMessageContaining("NaN");
        assertThatThrownBy(() -> Resampling.systematic(new double[] {1}, 0)).hasMessageContaining("(0, 1]");
    }

    @Test
    void aLateMatchNeverCostsMoreThanAMismatch() {
        var l = new Likelihood(14, 0.001);
        assertThat(l.logMatch(10, 10)).isZero();
        assertThat(l.logMatch(24, 10)).isCloseTo(-0.5, within(1e-12));
        assertThat(l.logMatch(400, 10)).isEqualTo(Math.log(0.001));
        assertThatThrownBy(() -> new Likelihood(0, 0.1)).hasMessageContaining("timing spread");
        assertThatThrownBy(() -> new Likelihood(14, 1)).hasMessageContaining("mismatch");
    }
}
