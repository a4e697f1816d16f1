package org.phasegate.store;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * Seeded text for property tests run as JUnit 5 parameterized tests ({@code @ParameterizedTest(name = "seed {0}")}):
 * the failing case's seed is in its display name.
 */
public final class RandomText {
    private static final String NASTY = "\"'\\:,;{}[]<>&#!%*|-$=\n\r\t\u0000\u0007\u00a0\u00e9\u4e2d\u200b\ufeff\ud800\uffff ";

    private RandomText() {
    }

    public static LongStream seeds(int cases) {
        return LongStream.range(0, cases);
    }

    public static String any(SplittableRandom random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        var s = new StringBuilder(length);
        while (s.length() < length) {
            switch (random.nextInt(5)) {
                case 0, 1 -> s.append((char) random.nextInt(0x20, 0x7f));
                case 2 -> s.append(NASTY.charAt(random.nextInt(NASTY.length())));
                case 3 -> s.append((char) random.nextInt(0x10000));
                default -> s.appendCodePoint(random.nextInt(0x10000, 0x110000));
            }
        }
        return s.toString();
    }

    public static String of(SplittableRandom random, String alphabet, int minLength, int maxLength) {
        int length = random.nextInt(minLength, maxLength + 1);
        var s = new StringBuilder(length);
        for (int i = 0; i < length; i++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return s.toString();
    }
}
