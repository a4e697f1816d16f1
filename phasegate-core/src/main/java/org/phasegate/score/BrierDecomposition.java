package org.phasegate.score;

/**
 * Murphy's decomposition of the Brier score (Murphy 1973, J. Appl. Meteor. 12:595), over the bins of a
 * {@link ReliabilityDiagram} with N forecasts, n_k in bin k, mean forecast p̄_k, observed frequency ō_k and base
 * rate ō:
 * <ul>
 *   <li>reliability = Σ n_k (p̄_k − ō_k)² / N — calibration error, lower is better;</li>
 *   <li>resolution = Σ n_k (ō_k − ō)² / N — how far the bins' outcomes move from the base rate, higher is better;</li>
 *   <li>uncertainty = ō (1 − ō) — the Brier score of always forecasting the base rate; the questions', not the
 *       forecaster's.</li>
 * </ul>
 * brier = reliability − resolution + uncertainty holds exactly when all forecasts in a bin are equal (one bin per
 * distinct value). With wider bins the forecasts' spread inside the bins adds a remainder (Stephenson, Coelho and
 * Jolliffe 2008, Weather and Forecasting 23:752, "within-bin variance and covariance"), reported as {@code withinBin}
 * = brier − (reliability − resolution + uncertainty) rather than hidden.
 */
public record BrierDecomposition(double brier, double reliability, double resolution, double uncertainty,
                                 double withinBin, ReliabilityDiagram diagram) {

    public BrierDecomposition {
        if (!(reliability >= 0) || !(resolution >= 0) || !(uncertainty >= 0) || uncertainty > 0.25) {
            throw new IllegalArgumentException("reliability, resolution and uncertainty are non-negative, uncertainty at most 0.25");
        }
    }

    static BrierDecomposition of(double brier, double baseRate, ReliabilityDiagram diagram) {
        double rel = 0, res = 0;
        int n = diagram.count();
        for (ReliabilityDiagram.Bin b : diagram.bins()) {
            double calibration = b.meanForecast() - b.observedFrequency();
            double spread = b.observedFrequency() - baseRate;
            rel += b.count() * calibration * calibration;
            res += b.count() * spread * spread;
        }
        rel /= n;
        res /= n;
        double unc = baseRate * (1 - baseRate);
        return new BrierDecomposition(brier, rel, res, unc, brier - (rel - res + unc), diagram);
    }
}
