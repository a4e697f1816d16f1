package org.phasegate.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WeibullFitTest {
    private static final LocalDate START = LocalDate.of(1990, 1, 1);

    /**
     * Data drawn from a known model (shape 0.6, intercept −1, HR e^0.7 for cease and e^−0.5 for pko), censored at 15
     * years: each true value lies inside the fit's 99.9% interval (3.3 standard errors), and the fit is close.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void recoversKnownParametersFromSyntheticData(long seed) {
        var rng = new SplittableRandom(seed);
        var data = new ArrayList<Agreement>();
        for (int i = 0; i < 3000; i++) {
            int cease = rng.nextInt(2), pko = rng.nextInt(2);
            double eta = -1 + 0.7 * cease - 0.5 * pko;
            double years = Math.pow(-Math.log(rng.nextDouble()) / Math.exp(eta), 1 / 0.6);   // inverse of S(t) = exp(-t^k e^eta)
            long days = Math.max(1, Math.round(years * WeibullPh.DAYS_PER_YEAR));
            long limit = Math.round(15 * WeibullPh.DAYS_PER_YEAR);
            var p = Map.of("cease", cease, "pko", pko);
            data.add(days <= limit
                    ? new Agreement("s" + i, i + 2, START, Optional.of(START.plusDays(days)), START.plusDays(limit), p)
                    : new Agreement("s" + i, i + 2, START, Optional.empty(), START.plusDays(limit), p));
        }
        var m = WeibullFit.fit(data, List.of("cease", "pko"));
        String why = "seed " + seed + ": " + m;
        double seShape = Math.sqrt(m.covariance()[0][0]);
        assertThat(Math.abs(Math.log(m.shape()) - Math.log(0.6))).as(why).isLessThan(3.3 * seShape);
        assertThat(Math.abs(m.intercept() + 1)).as(why).isLessThan(3.3 * Math.sqrt(m.covariance()[1][1]));
        assertThat(Math.abs(m.beta()[0] - 0.7)).as(why).isLessThan(3.3 * m.standardError("cease"));
        assertThat(Math.abs(m.beta()[1] + 0.5)).as(why).isLessThan(3.3 * m.standardError("pko"));
        assertThat(m.hazardRatioInterval("cease")[0]).as(why).isLessThan(Math.exp(0.7)).isGreaterThan(1);
    }

    /**
     * Two groups sharing a shape: the MLE of each group's scale given k is D_g / Σ_g t^k, and k solves the profile
     * score D/k + Σ_ended log t − Σ_g D_g·Σ_g t^k log t / Σ_g t^k = 0. Solved here by bisection, apart from the
     * Newton–Raphson under test; the hazard ratio is then (D1/S1)/(D0/S0).
     */
    @Test
    void matchesTheProfileLikelihoodOfATinyDataset() {
        int[][] rows = {{30, 1, 1}, {200, 1, 1}, {400, 0, 1}, {900, 1, 1}, {60, 1, 0}, {700, 1, 0}, {1500, 0, 0}, {2500, 1, 0}, {3000, 0, 0}};
        var data = new ArrayList<Agreement>();
        for (int[] r : rows) {
            var p = Map.of("cease", r[2]);
            data.add(r[1] == 1
                    ? new Agreement("a" + data.size(), 2, START, Optional.of(START.plusDays(r[0])), START.plusDays(4000), p)
                    : new Agreement("a" + data.size(), 2, START, Optional.empty(), START.plusDays(r[0]), p));
        }
        double lo = 0.05, hi = 5;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (profileScore(rows, mid) > 0) lo = mid;
            else hi = mid;
        }
        double k = (lo + hi) / 2;
        double hr = (events(rows, 1) / sum(rows, 1, k)) / (events(rows, 0) / sum(rows, 0, k));
        var m = WeibullFit.fit(data, List.of("cease"));
        assertThat(m.shape()).isCloseTo(k, within(1e-7));
        assertThat(m.hazardRatio("cease")).isCloseTo(hr, within(1e-6));
        assertThat(Math.exp(m.intercept())).isCloseTo(events(rows, 0) / sum(rows, 0, k), within(1e-7));
        assertThat(m.events()).isEqualTo(6);
    }

    private static double profileScore(int[][] rows, double k) {
        double d = events(rows, 0) + events(rows, 1), logs = 0;
        for (int[] r : rows) if (r[1] == 1) logs += Math.log(r[0] / WeibullPh.DAYS_PER_YEAR);
        double s = d / k + logs;
        for (int g = 0; g < 2; g++) {
            double num = 0;
            for (int[] r : rows) {
                double t = r[0] / WeibullPh.DAYS_PER_YEAR;
                if (r[2] == g) num += Math.pow(t, k) * Math.log(t);
            }
            s -= events(rows, g) * num / sum(rows, g, k);
        }
        return s;
    }

    private static double events(int[][] rows, int group) {
        double d = 0;
        for (int[] r : rows) if (r[2] == group && r[1] == 1) d++;
        return d;
    }

    private static double sum(int[][] rows, int group, double k) {
        double s = 0;
        for (int[] r : rows) if (r[2] == group) s += Math.pow(r[0] / WeibullPh.DAYS_PER_YEAR, k);
        return s;
    }
}
