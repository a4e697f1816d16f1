package org.phasegate.durability;

import java.util.List;

/**
 * How a fitted model does on agreements: log-likelihood, Harrell's concordance and the Brier score at a horizon
 * (beside a base rate). Every agreement in the UCDP file was observed for at least 17 years, so none is censored
 * before a horizon of a few years; agreements that are, would be left out of the Brier score (and counted).
 */
public final class Scoring {
    private Scoring() {
    }

    /** Σ log-likelihood of {@code data} under {@code model} (censored agreements contribute log S). */
    public static double logLikelihood(WeibullPh model, List<Agreement> data) {
        double k = model.shape(), ll = 0;
        for (Agreement a : data) {
            double years = Math.max(a.days(), 0.5) / WeibullPh.DAYS_PER_YEAR;
            double eta = model.linear(a.provisions());
            if (a.event()) ll += Math.log(k) + (k - 1) * Math.log(years) + eta;
            ll -= Math.pow(years, k) * Math.exp(eta);
        }
        return ll;
    }

    /**
     * Harrell's C: over pairs where the shorter time is an end, the share in which that agreement had the higher
     * risk (ties in risk count a half). 0.5 is no better than chance.
     */
    public static double concordance(WeibullPh model, List<Agreement> data) {
        double[] c = concordantPairs(model, data);
        if (c[1] == 0) throw new ArithmeticException("no comparable pairs");
        return c[0] / c[1];
    }

    /** {concordant (ties a half), comparable pairs} of Harrell's C, so that folds can be pooled pair by pair. */
    static double[] concordantPairs(WeibullPh model, List<Agreement> data) {
        double[] risk = data.stream().mapToDouble(a -> model.linear(a.provisions())).toArray();
        double concordant = 0;
        long pairs = 0;
        for (int i = 0; i < risk.length; i++) {
            Agreement a = data.get(i);
            if (!a.event()) continue;
            for (int j = 0; j < risk.length; j++) {
                if (data.get(j).days() <= a.days()) continue;
                pairs++;
                concordant += risk[i] > risk[j] ? 1 : risk[i] == risk[j] ? 0.5 : 0;
            }
        }
        return new double[] {concordant, pairs};
    }

    /** Brier score at {@code days} of P(ended within days) from {@code p}, over agreements whose status then is known. */
    public static double brier(List<Agreement> data, double days, java.util.function.ToDoubleFunction<Agreement> p) {
        double sum = 0;
        int n = 0;
        for (Agreement a : data) {
            boolean endedBy = a.event() && a.days() <= days;
            if (!endedBy && a.days() < days) continue;   // censored before the horizon: status unknown
            double e = p.applyAsDouble(a) - (endedBy ? 1 : 0);
            sum += e * e;
            n++;
        }
        if (n == 0) throw new ArithmeticException("no agreement has a known status at " + days + " days");
        return sum / n;
    }
}
