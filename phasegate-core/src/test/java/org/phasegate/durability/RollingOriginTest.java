package org.phasegate.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RollingOriginTest {
    private static final List<String> CEASE_PKO = List.of("cease", "pko");

    /**
     * The blocks of the real file, with counts taken from the CSV by hand (signing year of pa_date, ended = 1):
     * before 1993 70 (30 ended), 1993-94 44 (23); before 1995 114 (53), 1995-96 31 (12); before 1997 145 (65),
     * 1997-99 30 (11); before 2000 175 (76), 2000-04 52 (11).
     */
    @Test
    void blocksOfTheRealFile() {
        var cv = RollingOrigin.of(Ucdp.read().agreements(), RollingOrigin.DEFAULT_ORIGINS, CEASE_PKO);
        assertThat(cv.folds()).extracting(RollingOrigin.Fold::trainRows).containsExactly(70, 114, 145, 175);
        assertThat(cv.folds()).extracting(RollingOrigin.Fold::trainEvents).containsExactly(30L, 53L, 65L, 76L);
        assertThat(cv.folds()).extracting(RollingOrigin.Fold::testRows).containsExactly(44, 31, 30, 52);
        assertThat(cv.folds()).extracting(RollingOrigin.Fold::testEvents).containsExactly(23L, 12L, 11L, 11L);
        assertThat(cv.scored()).isEqualTo(157);
        assertThat(cv.ended()).isEqualTo(57);
        assertThat(cv.censoredBefore2y()).isZero();   // every agreement was observed at least 17 years
    }

    /** Pooled scores recomputed here block by block with plain loops (no censoring before two years, so IPCW is plain). */
    @Test
    void pooledScoresAreEachBlocksFitOnItsOwnAgreements() {
        var data = Ucdp.read().agreements();
        var cv = RollingOrigin.of(data, RollingOrigin.DEFAULT_ORIGINS, CEASE_PKO);
        int[] from = {1993, 1995, 1997, 2000}, until = {1995, 1997, 2000, 3000};
        double concordant = 0, pairs = 0, model2y = 0, base1y = 0;
        for (int b = 0; b < 4; b++) {
            int f = from[b], u = until[b];
            var train = data.stream().filter(a -> a.signed().getYear() < f).toList();
            var test = data.stream().filter(a -> a.signed().getYear() >= f && a.signed().getYear() < u).toList();
            var model = WeibullFit.fit(train, CEASE_PKO);
            var km = KaplanMeier.of(train);
            for (Agreement a : test) {
                double o2 = a.event() && a.days() <= 730.5 ? 1 : 0, o1 = a.event() && a.days() <= 365.25 ? 1 : 0;
                model2y += Math.pow(model.ended(730.5, a.provisions()) - o2, 2);
                base1y += Math.pow(km.ended(365.25) - o1, 2);
                if (!a.event()) continue;
                for (Agreement other : test) {
                    if (other.days() <= a.days()) continue;
                    pairs++;
                    double ri = model.linear(a.provisions()), rj = model.linear(other.provisions());
                    concordant += ri > rj ? 1 : ri == rj ? 0.5 : 0;
                }
            }
        }
        assertThat(cv.pairs()).isEqualTo((long) pairs);
        assertThat(cv.concordance()).isCloseTo(concordant / pairs, within(1e-12));
        assertThat(cv.brier2y()).isCloseTo(model2y / 157, within(1e-12));
        assertThat(cv.baseBrier1y()).isCloseTo(base1y / 157, within(1e-12));
    }

    /** One origin is the single time split that `durability fit` already prints. */
    @Test
    void oneOriginIsTheTimeSplit() {
        var data = Ucdp.read().agreements();
        var cv = RollingOrigin.of(data, List.of(1995), CEASE_PKO);
        var split = TimeSplit.of(data, 1995, CEASE_PKO);
        assertThat(cv.concordance()).isCloseTo(split.concordance(), within(1e-12));
        assertThat(cv.brier1y()).isCloseTo(split.brier1y(), within(1e-12));
        assertThat(cv.baseBrier2y()).isCloseTo(split.baseBrier2y(), within(1e-12));
    }

    /**
     * IPCW by hand: ends at 100 and 300 days, observation stopped at 200 and 1000. Reverse Kaplan–Meier: G = 2/3 after
     * day 200 (3 at risk, 1 stops). At 250 days with p = 0.2: the end at 100 weighs 1/G(100−) = 1, (0.2 − 1)² = 0.64;
     * the one stopped at 200 weighs 0; the two still in force weigh 1/G(250) = 1.5, 1.5 · 0.04 each. (0.64 + 0.12) / 4.
     */
    @Test
    void censoredAgreementsAreWeightedNotDropped() {
        var data = List.of(ended("a", 100), censored("b", 200), ended("c", 300), censored("d", 1000));
        var g = Censoring.of(data);
        assertThat(g.observedAfter(250)).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(g.brier(data, 250, a -> 0.2)).isCloseTo(0.76 / 4, within(1e-15));
        assertThat(Censoring.censoredBefore(data, 250)).isEqualTo(1);
        assertThat(Scoring.brier(data, 250, a -> 0.2)).isCloseTo(0.72 / 3, within(1e-15));   // the unweighted score drops b
    }

    @Test
    void originsThatLeaveNothingAreRefused() {
        var data = Ucdp.read().agreements();
        assertThatThrownBy(() -> RollingOrigin.of(data, List.of(1975), CEASE_PKO)).hasMessage("origin 1975 leaves 0 earlier agreements to fit and 227 to score");
        assertThatThrownBy(() -> RollingOrigin.of(data, List.of(1995, 1993), CEASE_PKO)).hasMessage("origin years must increase: 1993 follows 1995");
        assertThatThrownBy(() -> RollingOrigin.of(data, List.of(1995, 2010), CEASE_PKO)).hasMessage("origin 2010 leaves 227 earlier agreements to fit and 0 to score");
        // before 1990, 17 agreements of which 13 ended; before 1992, 56 of which 24 ended (counted from the CSV)
        assertThatThrownBy(() -> RollingOrigin.of(data, List.of(1990), CEASE_PKO))
                .hasMessage("origin 1990 leaves 13 ended agreements to fit on; at least 20 are needed (10 per covariate, Peduzzi et al. 1995)");
        assertThat(RollingOrigin.of(data, List.of(1992), CEASE_PKO).folds().get(0).trainEvents()).isEqualTo(24);
    }

    private static Agreement ended(String id, int days) {
        var start = LocalDate.of(2000, 1, 1);
        return new Agreement(id, 2, start, Optional.of(start.plusDays(days)), LocalDate.of(2021, 12, 31), Map.of("cease", 1));
    }

    private static Agreement censored(String id, int days) {
        var start = LocalDate.of(2000, 1, 1);
        return new Agreement(id, 2, start, Optional.empty(), start.plusDays(days), Map.of("cease", 1));
    }
}
