package org.phasegate.durability;

import java.util.ArrayList;
import java.util.List;

/**
 * Time-split cross-validation by rolling origin (Tashman 2000, Int. J. Forecasting 16:437): for each origin year,
 * select and fit on the agreements signed before it and score those signed from it up to the next origin (the last
 * block runs to the end of the data). Every agreement after the first origin is scored once, by a model that never
 * saw it or anything signed after it. Pooled: Harrell's C over the comparable pairs inside each block (risks from
 * different fits are not compared), and the IPCW Brier score at one and two years over all scored agreements
 * (censoring by {@link Censoring}, estimated on them), beside the Kaplan–Meier base rate of each block's training
 * agreements, a forecaster that knows no provisions.
 */
public record RollingOrigin(List<Integer> origins, List<Fold> folds, double concordance, long pairs, int scored, long ended,
                            long censoredBefore2y, double brier1y, double brier2y, double baseBrier1y, double baseBrier2y) {
    /** Each training set has at least 30 ends (the forced covariates and one candidate under the 10-per-covariate rule). */
    public static final List<Integer> DEFAULT_ORIGINS = List.of(1993, 1995, 1997, 2000);

    /** One block: trained on agreements signed before {@code origin}, scored on those signed in [origin, until). */
    public record Fold(int origin, int until, int trainRows, long trainEvents, int testRows, long testEvents, List<String> chosen,
                       double concordance, double brier1y, double brier2y, double baseBrier1y, double baseBrier2y) {
        public Fold {
            chosen = List.copyOf(chosen);
        }
    }

    public RollingOrigin {
        origins = List.copyOf(origins);
        folds = List.copyOf(folds);
    }

    /** With the cross-validated selection in each block, or exactly {@code covariates} when not empty. */
    public static RollingOrigin of(List<Agreement> data, List<Integer> origins, List<String> covariates) {
        checkOrigins(data, origins, covariates.isEmpty() ? DurabilityModel.FORCED.size() : covariates.size());
        var blocks = new ArrayList<Block>();
        var scored = new ArrayList<Agreement>();
        for (int i = 0; i < origins.size(); i++) {
            int from = origins.get(i);
            int until = i + 1 < origins.size() ? origins.get(i + 1) : Integer.MAX_VALUE;
            var train = data.stream().filter(a -> a.signed().getYear() < from).toList();
            var test = data.stream().filter(a -> a.signed().getYear() >= from && a.signed().getYear() < until).toList();
            var chosen = covariates.isEmpty() ? select(train) : covariates;
            blocks.add(new Block(from, until, train, test, chosen, WeibullFit.fit(train, chosen), KaplanMeier.of(train)));
            scored.addAll(test);
        }
        var g = Censoring.of(scored);
        var folds = new ArrayList<Fold>();
        double concordant = 0;
        long pairs = 0;
        for (Block b : blocks) {
            double[] c = Scoring.concordantPairs(b.model, b.test);
            concordant += c[0];
            pairs += (long) c[1];
            folds.add(b.fold(g, c));
        }
        if (pairs == 0) throw new ArithmeticException("no comparable pairs in any block");
        return new RollingOrigin(origins, folds, concordant / pairs, pairs, scored.size(), scored.stream().filter(Agreement::event).count(),
                Censoring.censoredBefore(scored, TimeSplit.TWO_YEARS),
                pooled(blocks, g, TimeSplit.ONE_YEAR, false), pooled(blocks, g, TimeSplit.TWO_YEARS, false),
                pooled(blocks, g, TimeSplit.ONE_YEAR, true), pooled(blocks, g, TimeSplit.TWO_YEARS, true));
    }

    private record Block(int origin, int until, List<Agreement> train, List<Agreement> test, List<String> chosen, WeibullPh model,
                         KaplanMeier km) {
        double p(Agreement a, double days, boolean base) {
            return base ? km.ended(days) : model.ended(days, a.provisions());
        }

        Fold fold(Censoring g, double[] c) {
            return new Fold(origin, until, train.size(), events(train), test.size(), events(test), chosen, c[1] == 0 ? Double.NaN : c[0] / c[1],
                    g.brier(test, TimeSplit.ONE_YEAR, a -> p(a, TimeSplit.ONE_YEAR, false)),
                    g.brier(test, TimeSplit.TWO_YEARS, a -> p(a, TimeSplit.TWO_YEARS, false)),
                    g.brier(test, TimeSplit.ONE_YEAR, a -> p(a, TimeSplit.ONE_YEAR, true)),
                    g.brier(test, TimeSplit.TWO_YEARS, a -> p(a, TimeSplit.TWO_YEARS, true)));
        }
    }

    /** The IPCW Brier score over all blocks' agreements, each forecast by its own block's fit. */
    private static double pooled(List<Block> blocks, Censoring g, double days, boolean base) {
        double sum = 0;
        int n = 0;
        for (Block b : blocks) {
            sum += g.brier(b.test, days, a -> b.p(a, days, base)) * b.test.size();
            n += b.test.size();
        }
        return sum / n;
    }

    private static List<String> select(List<Agreement> train) {
        var candidates = Selection.candidates(train, DurabilityModel.FORCED, DurabilityModel.MIN_EACH);
        return Selection.run(train, DurabilityModel.FORCED, candidates, DurabilityModel.FOLDS, DurabilityModel.SEED).chosen();
    }

    /**
     * Each block needs agreements to score, and a training set with at least 10 ended agreements per covariate of its
     * smallest model (Peduzzi et al. 1995, as {@link Selection} requires): a fit on fewer is noise, not a check.
     */
    private static void checkOrigins(List<Agreement> data, List<Integer> origins, int covariates) {
        if (origins.isEmpty()) throw new IllegalArgumentException("cross-validation needs at least one origin year");
        for (int i = 1; i < origins.size(); i++) {
            if (origins.get(i) <= origins.get(i - 1)) {
                throw new IllegalArgumentException("origin years must increase: " + origins.get(i) + " follows " + origins.get(i - 1));
            }
        }
        for (int i = 0; i < origins.size(); i++) {
            int from = origins.get(i), until = i + 1 < origins.size() ? origins.get(i + 1) : Integer.MAX_VALUE;
            long before = data.stream().filter(a -> a.signed().getYear() < from).count();
            long inBlock = data.stream().filter(a -> a.signed().getYear() >= from && a.signed().getYear() < until).count();
            if (before == 0 || inBlock == 0) {
                throw new IllegalArgumentException("origin " + from + " leaves " + before + " earlier agreements to fit and " + inBlock + " to score");
            }
            long ended = data.stream().filter(a -> a.signed().getYear() < from && a.event()).count();
            long needed = (long) Selection.EVENTS_PER_COVARIATE * covariates;
            if (ended < needed) {
                throw new IllegalArgumentException("origin " + from + " leaves " + ended + " ended agreements to fit on; at least " + needed
                        + " are needed (" + Selection.EVENTS_PER_COVARIATE + " per covariate, Peduzzi et al. 1995)");
            }
        }
    }

    private static long events(List<Agreement> data) {
        return data.stream().filter(Agreement::event).count();
    }
}
