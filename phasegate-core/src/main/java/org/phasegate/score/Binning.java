package org.phasegate.score;

/**
 * How forecasts are grouped for the Brier decomposition and the reliability diagram: {@code bins} equal-width bins
 * on [0, 1] with edges k·(1/bins), as numpy.linspace makes them. Bins are closed on the right, the first also on the
 * left: [0, e1], (e1, e2], ..., (e_{K-1}, 1] — scikit-learn's calibration_curve convention (it assigns a forecast
 * with np.searchsorted over the inner edges), so a forecast of exactly 0.5 with two bins falls in the lower bin.
 */
public record Binning(int bins) {
    public static final int MAX_BINS = 10_000;

    public Binning {
        if (bins < 1 || bins > MAX_BINS) throw new IllegalArgumentException("bins must be 1.." + MAX_BINS + ", not " + bins);
    }

    /** Lower edge of bin {@code k}. */
    public double lower(int k) {
        return k * (1.0 / bins);
    }

    /** Upper edge of bin {@code k} (1 for the last). */
    public double upper(int k) {
        return k == bins - 1 ? 1.0 : (k + 1) * (1.0 / bins);
    }

    /** The bin of probability {@code p}: the number of inner edges strictly below it. */
    public int of(double p) {
        int lo = 0, hi = bins - 1;   // answer in [lo, hi]
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (upper(mid) < p) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
