package org.phasegate.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KaplanMeierTest {
    private static final double[] DAYS = {365.25 / 4, 365.25 / 2, 365.25, 730.5, 1826.25};

    /** The figures the data README gives (computed there independently of this code), in whole percent. */
    @Test
    void matchesTheDataReadmeForCeasefiresAndForAll() {
        var data = Ucdp.read();
        var ceasefires = data.where(a -> a.provision("cease") == 1);
        assertThat(ceasefires).hasSize(106);
        assertThat(data.rows()).isEqualTo(227);
        assertThat(percent(KaplanMeier.of(ceasefires))).containsExactly(20, 28, 35, 40, 46);
        assertThat(percent(KaplanMeier.of(data.agreements()))).containsExactly(13, 20, 26, 31, 35);
    }

    /** Four agreements: ends at 1 and 3 days, censored at 2 and 4. By hand: S = 3/4, then 3/4 · 1/2; Greenwood 1/12, 1/12 + 1/2. */
    @Test
    void aTinyExampleByHand() {
        var km = KaplanMeier.of(List.of(ended("a", 1), censored("b", 2), ended("c", 3), censored("d", 4)));
        assertThat(km.survival(0)).isEqualTo(1);
        assertThat(km.survival(1)).isCloseTo(0.75, within(1e-12));
        assertThat(km.survival(2.5)).isCloseTo(0.75, within(1e-12));
        assertThat(km.survival(3)).isCloseTo(0.375, within(1e-12));
        assertThat(km.steps().get(1).greenwood()).isCloseTo(1.0 / 12 + 1.0 / 2, within(1e-12));
        double[] ci = km.interval(1);
        double se = Math.sqrt(1.0 / 12) / Math.abs(Math.log(0.75));
        assertThat(ci[0]).isCloseTo(Math.pow(0.75, Math.exp(1.959963984540054 * se)), within(1e-12));
        assertThat(ci[0]).isLessThan(0.75);
        assertThat(ci[1]).isGreaterThan(0.75).isLessThan(1);
    }

    private static int[] percent(KaplanMeier km) {
        int[] p = new int[DAYS.length];
        for (int i = 0; i < DAYS.length; i++) p[i] = (int) Math.round(100 * km.ended(DAYS[i]));
        return p;
    }

    static Agreement ended(String id, int days) {
        var start = LocalDate.of(2000, 1, 1);
        return new Agreement(id, 2, start, Optional.of(start.plusDays(days)), LocalDate.of(2021, 12, 31), Map.of());
    }

    static Agreement censored(String id, int days) {
        var start = LocalDate.of(2000, 1, 1);
        return new Agreement(id, 2, start, Optional.empty(), start.plusDays(days), Map.of());
    }
}
