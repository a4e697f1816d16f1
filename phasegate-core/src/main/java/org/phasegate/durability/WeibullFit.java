package org.phasegate.durability;

import java.util.List;

/**
 * Maximum-likelihood fit of a Weibull proportional-hazards model by Newton–Raphson with step halving, over
 * θ = (log k, b0, b...). Per agreement with time t (years), event d and linear predictor η, u = t^k·e^η:
 * ℓ = d·(log k + (k−1)·log t + η) − u. The gradient and Hessian are analytic; the covariance is the inverse of the
 * observed information at the optimum. A time of 0 days (ended the day it was signed) counts as half a day.
 */
public final class WeibullFit {
    private static final int MAX_ITERATIONS = 200;

    private WeibullFit() {
    }

    public static WeibullPh fit(List<Agreement> data, List<String> covariates) {
        int n = data.size(), p = covariates.size();
        double[] logT = new double[n];
        boolean[] d = new boolean[n];
        double[][] x = new double[n][p];
        int events = 0;
        double exposure = 0;
        for (int i = 0; i < n; i++) {
            Agreement a = data.get(i);
            double years = Math.max(a.days(), 0.5) / WeibullPh.DAYS_PER_YEAR;
            logT[i] = Math.log(years);
            d[i] = a.event();
            if (d[i]) events++;
            exposure += years;
            for (int j = 0; j < p; j++) x[i][j] = a.provision(covariates.get(j));
        }
        if (events == 0) throw new ArithmeticException("no agreement ended: the hazard cannot be estimated");
        double[] theta = new double[p + 2];
        theta[1] = Math.log(events / exposure);
        double ll = logLikelihood(theta, logT, d, x);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] g = new double[p + 2];
            double[][] h = new double[p + 2][p + 2];
            derivatives(theta, logT, d, x, g, h);
            double[] step = Matrices.times(Matrices.inverse(h), g);
            double decrement = 0;   // Newton decrement g'(-H)^-1 g: twice the gain a full step promises; scale-free
            for (int k = 0; k < step.length; k++) decrement -= g[k] * step[k];
            if (Math.abs(decrement) < 1e-12) return model(theta, logT, d, x, covariates, ll, events);
            double t = 1;
            for (int half = 0; half < 60; half++, t /= 2) {
                double[] candidate = theta.clone();
                for (int k = 0; k < candidate.length; k++) candidate[k] -= t * step[k];
                double next = logLikelihood(candidate, logT, d, x);
                if (next >= ll) {
                    theta = candidate;
                    ll = next;
                    break;
                }
            }
        }
        throw new ArithmeticException("the fit did not converge in " + MAX_ITERATIONS + " iterations (a covariate may separate the data)");
    }

    private static WeibullPh model(double[] theta, double[] logT, boolean[] d, double[][] x, List<String> covariates,
                                   double ll, int events) {
        double[] g = new double[theta.length];
        double[][] h = new double[theta.length][theta.length];
        derivatives(theta, logT, d, x, g, h);
        double[][] cov = Matrices.inverse(h);
        for (double[] row : cov) for (int k = 0; k < row.length; k++) row[k] = -row[k];
        for (int k = 0; k < cov.length; k++) {
            if (!(cov[k][k] > 0) || cov[k][k] > 1e6) throw new ArithmeticException("a coefficient is not identified (its variance is " + cov[k][k] + ")");
        }
        double[] beta = new double[theta.length - 2];
        System.arraycopy(theta, 2, beta, 0, beta.length);
        return new WeibullPh(Math.exp(theta[0]), theta[1], covariates, beta, cov, ll, logT.length, events);
    }

    /** ℓ(θ) for a given set of records: what the cross-validation scores held-out agreements with. */
    static double logLikelihood(double[] theta, double[] logT, boolean[] d, double[][] x) {
        double k = Math.exp(theta[0]), ll = 0;
        for (int i = 0; i < logT.length; i++) {
            double eta = eta(theta, x[i]);
            if (d[i]) ll += theta[0] + (k - 1) * logT[i] + eta;
            ll -= Math.exp(k * logT[i] + eta);
        }
        return ll;
    }

    private static void derivatives(double[] theta, double[] logT, boolean[] d, double[][] x, double[] g, double[][] h) {
        double k = Math.exp(theta[0]);
        int p = theta.length;
        double[] z = new double[p];
        for (int i = 0; i < logT.length; i++) {
            double u = Math.exp(k * logT[i] + eta(theta, x[i]));
            double kl = k * logT[i];
            double di = d[i] ? 1 : 0;
            z[0] = kl;   // ∂u/∂θ = u·z over (log k, b0, b...), with z = (k·log t, 1, x)
            z[1] = 1;
            System.arraycopy(x[i], 0, z, 2, p - 2);
            g[0] += di * (1 + kl) - u * kl;
            for (int j = 1; j < p; j++) g[j] += (di - u) * z[j];
            h[0][0] += di * kl - u * kl * (kl + 1);
            for (int a = 0; a < p; a++) {
                for (int b = Math.max(a, 1); b < p; b++) h[a][b] -= u * z[a] * z[b];
            }
        }
        for (int a = 0; a < p; a++) for (int b = 0; b < a; b++) h[a][b] = h[b][a];
    }

    private static double eta(double[] theta, double[] x) {
        double eta = theta[1];
        for (int j = 0; j < x.length; j++) eta += theta[j + 2] * x[j];
        return eta;
    }

}
