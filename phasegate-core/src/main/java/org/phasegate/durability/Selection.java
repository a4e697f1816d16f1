package org.phasegate.durability;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Forward selection of provisions by k-fold cross-validation: starting from the forced covariates, add the candidate
 * that most raises the held-out log-likelihood (summed over folds); stop when none raises it, or when one more would
 * leave fewer than {@link #EVENTS_PER_COVARIATE} ends per covariate (Peduzzi et al. 1995, J Clin Epidemiol 48:1503:
 * below about ten the coefficients of proportional-hazards models become unreliable). Folds come from a seeded
 * shuffle, so the same data and seed always choose the same covariates.
 */
public record Selection(List<String> forced, List<String> candidates, int folds, long seed, List<Round> rounds,
                        List<String> chosen) {

    /** One round: the covariate added (or the best one, rejected, in the last round) and the held-out log-likelihoods. */
    public record Round(String candidate, double before, double after, boolean added) {
    }

    public static final int EVENTS_PER_COVARIATE = 10;

    public Selection {
        forced = List.copyOf(forced);
        candidates = List.copyOf(candidates);
        rounds = List.copyOf(rounds);
        chosen = List.copyOf(chosen);
        if (folds < 2) throw new IllegalArgumentException("cross-validation needs at least 2 folds, not " + folds);
    }

    /**
     * Candidates: every specific provision in the data with at least {@code minEach} agreements with and without it.
     * The four summary codes (mil_prov, pol_prov, terr_prov, justice_prov: "any provision of this kind") are left out:
     * they are functions of the specific codes, so they would only compete with them.
     */
    public static List<String> candidates(List<Agreement> data, List<String> forced, int minEach) {
        var list = new ArrayList<String>();
        for (String code : Provisions.CODES) {
            if (forced.contains(code) || code.endsWith("_prov") || !data.get(0).provisions().containsKey(code)) continue;
            long with = data.stream().filter(a -> a.provision(code) == 1).count();
            if (with >= minEach && data.size() - with >= minEach) list.add(code);
        }
        return list;
    }

    public static Selection run(List<Agreement> data, List<String> forced, List<String> candidates, int folds, long seed) {
        int[] fold = folds(data.size(), folds, seed);
        var chosen = new ArrayList<>(forced);
        var rounds = new ArrayList<Round>();
        double score = score(data, chosen, fold, folds);
        long events = data.stream().filter(Agreement::event).count();
        while ((chosen.size() + 1) * (long) EVENTS_PER_COVARIATE <= events) {
            String best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (String c : candidates) {
                if (chosen.contains(c)) continue;
                var trial = new ArrayList<>(chosen);
                trial.add(c);
                double s = score(data, trial, fold, folds);
                if (s > bestScore) {
                    bestScore = s;
                    best = c;
                }
            }
            if (best == null) break;
            boolean better = bestScore > score;
            rounds.add(new Round(best, score, bestScore, better));
            if (!better) break;
            chosen.add(best);
            score = bestScore;
        }
        return new Selection(forced, candidates, folds, seed, rounds, chosen);
    }

    /** Held-out log-likelihood summed over folds; −∞ when a training fold cannot be fitted (a covariate constant in it). */
    static double score(List<Agreement> data, List<String> covariates, int[] fold, int folds) {
        double total = 0;
        for (int f = 0; f < folds; f++) {
            var train = new ArrayList<Agreement>();
            var test = new ArrayList<Agreement>();
            for (int i = 0; i < data.size(); i++) (fold[i] == f ? test : train).add(data.get(i));
            try {
                total += Scoring.logLikelihood(WeibullFit.fit(train, covariates), test);
            } catch (ArithmeticException e) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        return total;
    }

    /** Fold of each agreement: a seeded Fisher–Yates shuffle dealt round-robin. */
    static int[] folds(int n, int folds, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        var rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) fold[order[i]] = i % folds;
        return fold;
    }
}
