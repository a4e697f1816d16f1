package org.phasegate.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whole numbers as {@link Numbers#parseWhole} reads them, short ones without BigDecimal, against BigDecimal itself. */
class NumbersTest {
    private static final String CHARS = "0123456789012345678901234567890123456789+-.eE ٣x";

    @Test
    void shortWholeNumbersAsWritten() {
        assertThat(Numbers.parseWhole("007", 0, 100)).contains(7);
        assertThat(Numbers.parseWhole("+5", 0, 100)).contains(5);
        assertThat(Numbers.parseWhole("-0", 0, 100)).contains(0);
        assertThat(Numbers.parseWhole(" 12 ", 0, 100)).contains(12);
        assertThat(Numbers.parseWhole("-3", 0, 100)).isEmpty();
        assertThat(Numbers.parseWhole("101", 0, 100)).isEmpty();
        assertThat(Numbers.parseWhole("100", 0, 100)).as("the bounds are included").contains(100);
        assertThat(Numbers.parseWhole("-4", -4, 100)).as("the bounds are included").contains(-4);
        assertThat(Numbers.parseWhole("999999999", 0, Integer.MAX_VALUE)).contains(999_999_999);
        assertThat(Numbers.parseWhole("٣", 0, 100)).as("a digit that is not ASCII").isEmpty();
    }

    @Test
    void otherWholeNumbersStillGoThroughBigDecimal() {
        assertThat(Numbers.parseWhole("1e2", 0, 1000)).contains(100);
        assertThat(Numbers.parseWhole("2.0", 0, 100)).contains(2);
        assertThat(Numbers.parseWhole("2147483647", 0, Integer.MAX_VALUE)).contains(Integer.MAX_VALUE);
        assertThat(Numbers.parseWhole("2.5", 0, 100)).isEmpty();
        assertThat(Numbers.parseWhole("1e309", 0, 100)).isEmpty();
        assertThat(Numbers.parseWhole("1e-400", 0, 100)).isEmpty();
    }

    static LongStream seeds() {
        return LongStream.range(0, 20).map(i -> 0x4E55_0000L + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedTextReadsAsBigDecimalReadsIt(long seed) {
        var random = new SplittableRandom(seed);
        for (int n = 0; n < 500; n++) {
            var text = new StringBuilder();
            for (int i = random.nextInt(1, 13); i > 0; i--) text.append(CHARS.charAt(random.nextInt(CHARS.length())));
            int min = random.nextInt(-1000, 10);
            int max = random.nextBoolean() ? Integer.MAX_VALUE : random.nextInt(10, 100_000);
            assertThat(Numbers.parseWhole(text.toString(), min, max))
                    .as("seed %d: '%s' in [%d, %d]", seed, text, min, max)
                    .isEqualTo(byBigDecimal(text.toString(), min, max));
        }
    }

    /** The rule read with BigDecimal alone: a decimal number as YAML writes it, whole, within the bounds. */
    private static Optional<Integer> byBigDecimal(String text, int min, int max) {
        String t = text.trim();
        if (!t.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]{1,9})?")) return Optional.empty();
        BigDecimal v;
        try {
            v = new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        boolean whole = v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
        return whole && v.compareTo(BigDecimal.valueOf(min)) >= 0 && v.compareTo(BigDecimal.valueOf(max)) <= 0
                ? Optional.of(v.intValueExact()) : Optional.empty();
    }
}
