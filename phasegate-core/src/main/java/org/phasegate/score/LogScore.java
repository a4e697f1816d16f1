package org.phasegate.score;

/**
 * The logarithmic score as a loss (Good 1952): the mean of −ln(p) over questions that resolved yes and −ln(1 − p)
 * over those that resolved no, in nats; 0 for certain and right, ln 2 ≈ 0.693 for always saying 0.5. Lower is
 * better. It is scikit-learn's log_loss for two classes.
 *
 * <p>A forecast of exactly 0 for something that happened (or 1 for something that did not) scores +∞: the log
 * score says a forecaster who called the impossible should never be trusted again. To keep a mean finite, each p is
 * first clamped to [eps, 1 − eps], as log_loss's {@code eps} does; with the default eps = 1e-15 (log_loss's default
 * before scikit-learn 1.3) one certain miss costs −ln(1e-15) ≈ 34.5 nats, which still dominates any realistic mean.
 * {@code clamped} counts the forecasts the clamp changed, so a reader knows the mean was bounded.
 */
public record LogScore(double mean, double eps, int clamped, int n) {
    public static final double DEFAULT_EPS = 1e-15;

    public LogScore {
        if (!(eps > 0 && eps < 0.5)) throw new IllegalArgumentException("eps must be in (0, 0.5), not " + eps);
        if (clamped < 0 || clamped > n || n < 1) throw new IllegalArgumentException("clamped " + clamped + " of " + n + " forecasts");
    }

    public static LogScore of(BinaryForecasts f) {
        return of(f, DEFAULT_EPS);
    }

    public static LogScore of(BinaryForecasts f, double eps) {
        if (!(eps > 0 && eps < 0.5)) throw new IllegalArgumentException("eps must be in (0, 0.5), not " + eps);
        double sum = 0;
        int clamped = 0;
        for (int i = 0; i < f.size(); i++) {
            double p = Math.min(Math.max(f.p(i), eps), 1 - eps);
            if (p != f.p(i)) clamped++;
            sum -= f.outcome(i) == 1 ? Math.log(p) : Math.log1p(-p);
        }
        return new LogScore(sum / f.size(), eps, clamped, f.size());
    }
}
