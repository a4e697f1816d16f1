package org.phasegate.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Each score against values published by scikit-learn, properscoring and scoringRules (R and Python). Every
 * expected value names its source; where the source gives the formula the value is also worked by hand in a comment.
 */
class PublishedValuesTest {

    @Test
    void brierEqualsScikitLearnsDocstringExample() {
        // scikit-learn, sklearn/metrics/_classification.py, brier_score_loss docstring (1.x): prints 0.037...
        // by hand: (0.1² + 0.1² + 0.2² + 0.3²) / 4 = 0.15 / 4 = 0.0375
        var f = BinaryForecasts.of(new double[] {0.1, 0.9, 0.8, 0.3}, new int[] {0, 1, 1, 0});
        assertThat(Brier.score(f)).isCloseTo(0.0375, within(1e-15));
    }

    @Test
    void brierEqualsScikitLearnsTest() {
        // scikit-learn, sklearn/metrics/tests/test_classification.py::test_brier_score_loss (commit cc928d1):
        // expected ||y − p||² / n; by hand (0.01 + 0.04 + 0.01 + 0.09 + 0 + 0.0025) / 6 = 0.1525 / 6
        var f = BinaryForecasts.of(new double[] {0.1, 0.8, 0.9, 0.3, 1.0, 0.95}, new int[] {0, 1, 1, 0, 1, 1});
        assertThat(Brier.score(f)).isCloseTo(0.1525 / 6, within(1e-15));
        assertThat(Brier.score(BinaryForecasts.of(new double[] {0, 1, 1, 0, 1, 1}, new int[] {0, 1, 1, 0, 1, 1}))).isZero();
    }

    @Test
    void logScoreEqualsScikitLearnsTest() {
        // scikit-learn, sklearn/metrics/tests/test_classification.py::test_log_loss (commit cc928d1), binary case
        // "no"/"yes": assert_almost_equal(loss, 1.8817971) (7 decimals). By hand:
        // −(ln 0.5 + ln 0.1 + ln 0.01 + ln 0.1 + ln 0.25 + ln 0.999) / 6 = 11.2907826 / 6 = 1.8817971
        var f = BinaryForecasts.of(new double[] {0.5, 0.9, 0.99, 0.1, 0.25, 0.999}, new int[] {0, 0, 0, 1, 1, 1});
        LogScore s = LogScore.of(f);
        assertThat(s.mean()).isCloseTo(1.8817971, within(5e-8));
        assertThat(s.clamped()).isZero();
    }

    @Test
    void logScoreClampsCertainForecastsAsScikitLearnsEps() {
        // scikit-learn, test_log_loss (commit cc928d1): with eps = 0.1, certain forecasts score as if clipped to
        // [0.1, 0.9]. Here one certain hit (1 for a yes), one certain miss (0 for a yes), one certain hit (0 for a no):
        // (−ln 0.9 − ln 0.1 − ln 0.9) / 3
        var f = BinaryForecasts.of(new double[] {1, 0, 0}, new int[] {1, 1, 0});
        LogScore s = LogScore.of(f, 0.1);
        assertThat(s.mean()).isCloseTo((-2 * Math.log(0.9) - Math.log(0.1)) / 3, within(1e-15));
        assertThat(s.clamped()).isEqualTo(3);
        // with the default eps 1e-15 the certain miss costs −ln(1e-15) = 34.539 nats
        assertThat(LogScore.of(BinaryForecasts.of(new double[] {0}, new int[] {1})).mean()).isCloseTo(15 * Math.log(10), within(1e-9));
    }

    @Test
    void reliabilityDiagramEqualsScikitLearnsCalibrationCurve() {
        // scikit-learn, sklearn/tests/test_calibration.py::test_calibration_curve (commit 00da5f7), n_bins = 2:
        // prob_true [0, 1], prob_pred [0.1, 0.9]
        var f = BinaryForecasts.of(new double[] {0, 0.1, 0.2, 0.8, 0.9, 1}, new int[] {0, 0, 0, 1, 1, 1});
        var d = ReliabilityDiagram.of(f, new Binning(2));
        assertThat(d.bins()).extracting(ReliabilityDiagram.Bin::observedFrequency).containsExactly(0.0, 1.0);
        assertThat(d.bins().get(0).meanForecast()).isCloseTo(0.1, within(1e-15));
        assertThat(d.bins().get(1).meanForecast()).isCloseTo(0.9, within(1e-15));
        assertThat(d.bins()).extracting(ReliabilityDiagram.Bin::count).containsExactly(3, 3);
    }

    @Test
    void reliabilityDiagramEqualsScikitLearnsDocstringExample() {
        // scikit-learn, sklearn/calibration.py, calibration_curve docstring (1.0-1.5), n_bins = 3:
        // prob_true [0, 0.5, 1], prob_pred [0.2, 0.525, 0.85]
        var f = BinaryForecasts.of(new double[] {0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1}, new int[] {0, 0, 0, 0, 1, 1, 1, 1, 1});
        var d = ReliabilityDiagram.of(f, new Binning(3));
        assertThat(d.bins()).extracting(ReliabilityDiagram.Bin::observedFrequency).containsExactly(0.0, 0.5, 1.0);
        assertThat(d.bins()).extracting(ReliabilityDiagram.Bin::meanForecast)
                .usingComparatorForType((a, b) -> Math.abs(a - b) < 1e-12 ? 0 : Double.compare(a, b), Double.class)
                .containsExactly(0.2, 0.525, 0.85);
    }

    @Test
    void crpsNormalEqualsPropercoringsReadme() {
        // properscoring README.rst (TheClimateCorporation, 0.1): crps_gaussian(0, mu=0, sig=1) = 0.23369497725510913;
        // crps_gaussian([-2, -1, 0, 1, 2], 0, 1) = [1.45279182, 0.60244136, 0.23369498, 0.60244136, 1.45279182].
        // By hand at y = 0: 2φ(0) − 1/√π = 0.7978846 − 0.5641896 = 0.2336950
        assertThat(Crps.normal(0, 1, 0)).isCloseTo(0.23369497725510913, within(1e-15));
        double[] y = {-2, -1, 0, 1, 2};
        double[] expected = {1.45279182, 0.60244136, 0.23369498, 0.60244136, 1.45279182};
        for (int i = 0; i < y.length; i++) assertThat(Crps.normal(0, 1, y[i])).as("y = %s", y[i]).isCloseTo(expected[i], within(5e-9));
    }

    @Test
    void crpsNormalEqualsScoringRulesForR() {
        // scoringRules (R, FK83/scoringRules), tests/testthat/test-crps_norm.R: crps_norm(-3) = 2.43657473, the same
        // at location 0.1 for y = −2.9, and 0.9 times it at scale 0.9 for y = −2.7
        assertThat(Crps.normal(0, 1, -3)).isCloseTo(2.43657473, within(5e-9));
        assertThat(Crps.normal(0.1, 1, -3 + 0.1)).isCloseTo(2.43657473, within(5e-9));
        assertThat(Crps.normal(0, 0.9, -3 * 0.9)).isCloseTo(2.43657473 * 0.9, within(5e-9));
    }

    @Test
    void crpsExponentialEqualsScoringRules() {
        // scoringRules (R), tests/testthat/test-crps_exp.R: crps_exp(3, .7) = 1.20701837; the same value in
        // scoringrules (Python, frazane/scoringrules), tests/test_crps.py::test_crps_exponential.
        // By hand: 3 + 2e^{−2.1}/0.7 − 3/1.4 = 3 + 0.3498755 − 2.1428571 = 1.2070184
        assertThat(Crps.exponential(0.7, 3)).isCloseTo(1.20701837, within(5e-9));
    }

    @Test
    void crpsEnsembleEqualsPropercoringsToyExamples() {
        // properscoring, properscoring/tests/test_crps.py::test_crps_toy_examples (commit 3663c3b): (y, ensemble, CRPS)
        Object[][] examples = {
            {0.0, new double[] {-1}, 1.0}, {0.0, new double[] {0}, 0.0}, {0.0, new double[] {1}, 1.0},
            {0.0, new double[] {0, 0}, 0.0}, {0.0, new double[] {0, 1}, 0.25}, {0.0, new double[] {1, 0}, 0.25},
            {0.0, new double[] {1, 1}, 1.0}, {2.0, new double[] {0, 1}, 1.25}, {0.0, new double[] {-1, 1}, 0.5},
            {0.0, new double[] {0, 0, 1}, 1.0 / 9}, {1.0, new double[] {0, 0, 1}, 4.0 / 9}, {0.0, new double[] {-1, 0, 0, 1}, 1.0 / 8},
        };
        for (Object[] e : examples) {
            double[] members = (double[]) e[1];
            assertThat(Crps.ensemble(members, (double) e[0], Crps.Estimator.STANDARD))
                    .as("y = %s, ensemble %s", e[0], java.util.Arrays.toString(members)).isCloseTo((double) e[2], within(1e-15));
        }
    }

    @Test
    void fairCrpsByHand() {
        // Ferro 2014 (QJRMS 140:1917), eq. 3: fair CRPS = mean|x_i − y| − ΣΣ|x_i − x_j| / (2m(m − 1)).
        // {0, 1} at 0: 1/2 − 2/4 = 0. {0, 1} at 2: 3/2 − 2/4 = 1 (standard: 3/2 − 2/8 = 1.25, properscoring's value).
        // {−1, 0, 0, 1} at 0.5: (1.5 + 0.5 + 0.5 + 0.5)/4 − 12/24 = 0.25.
        assertThat(Crps.ensemble(new double[] {0, 1}, 0, Crps.Estimator.FAIR)).isCloseTo(0, within(1e-15));
        assertThat(Crps.ensemble(new double[] {0, 1}, 2, Crps.Estimator.FAIR)).isCloseTo(1, within(1e-15));
        assertThat(Crps.ensemble(new double[] {-1, 0, 0, 1}, 0.5, Crps.Estimator.FAIR)).isCloseTo(0.25, within(1e-15));
    }
}
