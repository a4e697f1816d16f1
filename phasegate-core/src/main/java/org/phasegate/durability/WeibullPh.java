package org.phasegate.durability;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A fitted Weibull proportional-hazards model: cumulative hazard H(t | x) = t^k · exp(b0 + x·b), t in years of
 * 365.25 days, x the 0/1 provisions named in {@code covariates}. {@code covariance} is the inverse observed information
 * over (log k, b0, b...), in that order.
 */
public record WeibullPh(double shape, double intercept, List<String> covariates, double[] beta, double[][] covariance,
                        double logLikelihood, int n, int events) {
    public static final double DAYS_PER_YEAR = 365.25;
    private static final double Z95 = 1.959963984540054;

    public WeibullPh {
        covariates = List.copyOf(covariates);
        beta = beta.clone();
        covariance = Arrays.stream(covariance).map(double[]::clone).toArray(double[][]::new);
        if (!(shape > 0) || !Double.isFinite(shape) || !Double.isFinite(intercept)) {
            throw new IllegalArgumentException("a Weibull model needs a positive finite shape and a finite intercept");
        }
        if (beta.length != covariates.size() || covariance.length != beta.length + 2) {
            throw new IllegalArgumentException("coefficients, covariates and covariance do not match");
        }
        for (double b : beta) if (!Double.isFinite(b)) throw new IllegalArgumentException("a coefficient is not finite");
        for (String c : covariates) Provisions.meaning(c);
    }

    /** The linear predictor b0 + x·b for these provisions; a covariate missing from {@code provisions} is an error. */
    public double linear(Map<String, Integer> provisions) {
        double eta = intercept;
        for (int j = 0; j < beta.length; j++) {
            Integer v = provisions.get(covariates.get(j));
            if (v == null) throw new IllegalArgumentException("the model needs provision '" + covariates.get(j) + "'");
            eta += beta[j] * v;
        }
        return eta;
    }

    /** H(days | provisions). */
    public double cumulativeHazard(double days, Map<String, Integer> provisions) {
        return Math.pow(Math.max(0, days) / DAYS_PER_YEAR, shape) * Math.exp(linear(provisions));
    }

    /** P(the agreement has ended within {@code days} of signing). */
    public double ended(double days, Map<String, Integer> provisions) {
        return -Math.expm1(-cumulativeHazard(days, provisions));
    }

    /** exp(b) of covariate {@code name}, the factor its presence multiplies the hazard by. */
    public double hazardRatio(String name) {
        return Math.exp(beta[index(name)]);
    }

    /** 95% Wald interval of the hazard ratio: {low, high}. */
    public double[] hazardRatioInterval(String name) {
        int j = index(name);
        double se = Math.sqrt(covariance[j + 2][j + 2]);
        return new double[] {Math.exp(beta[j] - Z95 * se), Math.exp(beta[j] + Z95 * se)};
    }

    /** 95% Wald interval of the shape, on the log scale: {low, high}. */
    public double[] shapeInterval() {
        double se = Math.sqrt(covariance[0][0]);
        return new double[] {shape * Math.exp(-Z95 * se), shape * Math.exp(Z95 * se)};
    }

    public double standardError(String name) {
        int j = index(name);
        return Math.sqrt(covariance[j + 2][j + 2]);
    }

    private int index(String name) {
        int j = covariates.indexOf(name);
        if (j < 0) throw new IllegalArgumentException("the model has no covariate '" + name + "'");
        return j;
    }
}
