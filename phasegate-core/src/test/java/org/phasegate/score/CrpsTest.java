package org.phasegate.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CrpsTest {

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    /** Both estimators against the O(m²) definition E|X − y| − ½E|X − X'| written out pair by pair. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void ensembleEqualsThePairwiseDefinition(long seed) {
        var rng = new SplittableRandom(seed);
        int m = rng.nextInt(2, 40);
        double[] x = new double[m];
        for (int i = 0; i < m; i++) x[i] = rng.nextInt(3) == 0 ? rng.nextInt(5) : rng.nextGaussian() * 10;   // ties too
        double y = rng.nextGaussian() * 10;
        double abs = 0, pairs = 0;
        for (double a : x) {
            abs += Math.abs(a - y);
            for (double b : x) pairs += Math.abs(a - b);
        }
        assertThat(Crps.ensemble(x, y, Crps.Estimator.STANDARD)).as("seed %d", seed).isCloseTo(abs / m - pairs / (2.0 * m * m), within(1e-9));
        assertThat(Crps.ensemble(x, y, Crps.Estimator.FAIR)).as("seed %d", seed).isCloseTo(abs / m - pairs / (2.0 * m * (m - 1)), within(1e-9));
    }

    /** With every run and the outcome inside the window, the windowed score is the ensemble's standard CRPS. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void completionInsideTheWindowIsTheStandardEnsembleCrps(long seed) {
        var rng = new SplittableRandom(seed);
        int m = rng.nextInt(1, 50);
        double[] days = new double[m];
        for (int i = 0; i < m; i++) days[i] = rng.nextInt(4) == 0 ? rng.nextInt(20) : rng.nextDouble(0, 365);
        double y = rng.nextInt(4) == 0 ? days[0] : rng.nextDouble(0, 365);
        var score = CompletionCrps.of(new CompletionForecast(days, 0, 365), DateOutcome.completed(y, 400));
        assertThat(score.crps()).as("seed %d", seed).isCloseTo(Crps.ensemble(days, y, Crps.Estimator.STANDARD), within(1e-9));
        assertThat(score.windowDays()).isEqualTo(365);
    }

    @Test
    void completionByHand() {
        // Runs done on days 10 and 20, two runs not by the horizon 30: F = 0 on [0, 10), 1/4 on [10, 20), 1/2 on [20, 30].
        var f = new CompletionForecast(new double[] {20, 10}, 2, 30);
        // Completed on day 15: 5·(1/4)² + 5·(3/4)² + 10·(1/2)² = 0.3125 + 2.8125 + 2.5
        assertThat(CompletionCrps.of(f, DateOutcome.completed(15, 100))).isEqualTo(new CompletionCrps(5.625, 30));
        // Not completed when observed on day 25: the window stops there. 10·(1/4)² + 5·(1/2)² = 0.625 + 1.25
        assertThat(CompletionCrps.of(f, DateOutcome.notCompletedBy(25))).isEqualTo(new CompletionCrps(1.875, 25));
        // Completed on day 40, after the horizon: over [0, 30] that is "not by the horizon". 0.625 + 10·(1/2)²
        assertThat(CompletionCrps.of(f, DateOutcome.completed(40, 50))).isEqualTo(new CompletionCrps(3.125, 30));
        assertThat(CompletionCrps.of(f, DateOutcome.notCompletedBy(50))).isEqualTo(new CompletionCrps(3.125, 30));
        assertThat(f.completedByHorizon()).isEqualTo(0.5);
    }

    @Test
    void normalScalesAndShiftsAndShrinksToTheAbsoluteError() {
        assertThat(Crps.normal(5, 2, 9)).isCloseTo(2 * Crps.normal(0, 1, 2), within(1e-14));
        assertThat(Crps.normal(3, 1e-9, 7)).isCloseTo(4, within(1e-8));
        assertThat(StandardNormal.cdf(1.959963984540054)).isCloseTo(0.975, within(1e-15));
        assertThat(StandardNormal.cdf(-3)).isCloseTo(0.0013498980316301, within(1e-15));
        for (double z : new double[] {-37.5, -37, -36.9, 36.9, 37, 37.5, 50}) {
            // far out, CRPS = |z| − 1/√π: 2φ(z) and the tail of Φ are below 1e-290; Φ's rounding (~2e-14 at |z| = 37) times 2|z|
            assertThat(Crps.normal(0, 1, z)).as("z = %s", z).isCloseTo(Math.abs(z) - 1 / Math.sqrt(Math.PI), within(5e-12));
        }
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> Crps.ensemble(new double[0], 0, Crps.Estimator.STANDARD)).hasMessage("an ensemble needs at least one member");
        assertThatThrownBy(() -> Crps.ensemble(new double[] {1}, 0, Crps.Estimator.FAIR)).hasMessage("the fair CRPS needs at least 2 members, not 1");
        assertThatThrownBy(() -> Crps.ensemble(new double[] {1, Double.NaN}, 0, Crps.Estimator.FAIR)).hasMessage("an ensemble member is NaN, not a finite number");
        assertThatThrownBy(() -> Crps.normal(0, 0, 1)).hasMessage("sigma must be positive and finite, not 0.0");
        assertThatThrownBy(() -> Crps.exponential(-1, 1)).hasMessage("rate must be positive and finite, not -1.0");
        assertThatThrownBy(() -> new CompletionForecast(new double[] {31}, 0, 30)).hasMessage("a run completed on day 31.0, outside 0..30.0 (the horizon)");
        assertThatThrownBy(() -> new CompletionForecast(new double[0], 0, 30)).hasMessage("a forecast needs at least one run");
        assertThatThrownBy(() -> DateOutcome.completed(12, 10)).hasMessage("completed on day 12.0, outside 0..10.0 (when it was observed)");
    }
}
