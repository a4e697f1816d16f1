package org.phasegate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.LongStream;

/**
 * Seeded generators for property tests run as JUnit 5 parameterized tests. Each case gets its own seed,
 * shown in the test's display name ({@code @ParameterizedTest(name = "seed {0}")}), so a failure is
 * reproduced by running that one seed again.
 */
public final class Gen {
    /** Characters that break naive parsers: quotes, separators, control characters, a lone surrogate, non-ASCII. */
    private static final String NASTY = "\"'\\:,;{}[]<>&#!%*|-\n\r\t\u0000\u0007\u00a0\u00e9\u4e2d\u200b\ufeff\ud800\uffff ";

    private Gen() {
    }

    public static LongStream seeds(int cases) {
        return LongStream.range(0, cases);
    }

    /** Text of up to {@code maxLength} chars mixing ASCII, nasty characters, any BMP char and supplementary code points. */
    public static String text(SplittableRandom random, int maxLength) {
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

    /** Text drawn only from {@code alphabet}. */
    public static String text(SplittableRandom random, String alphabet, int minLength, int maxLength) {
        int length = random.nextInt(minLength, maxLength + 1);
        var s = new StringBuilder(length);
        for (int i = 0; i < length; i++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return s.toString();
    }

    public static <T> T oneOf(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    public static <T> List<T> list(SplittableRandom random, int minSize, int maxSize, Function<SplittableRandom, T> element) {
        int size = random.nextInt(minSize, maxSize + 1);
        var list = new ArrayList<T>(size);
        for (int i = 0; i < size; i++) list.add(element.apply(random));
        return list;
    }
}
