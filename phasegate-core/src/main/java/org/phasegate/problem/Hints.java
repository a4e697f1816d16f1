package org.phasegate.problem;

import java.util.Collection;
import java.util.Comparator;

/** "Did you mean" suggestions for misspelt names. */
public final class Hints {
    /** Longer than any name we know by far: no edit distance is computed for it (it could be megabytes). */
    private static final int LONGEST_GUESS = 64;

    private Hints() {
    }

    public static String didYouMean(String given, Collection<String> known) {
        if (given.length() > LONGEST_GUESS) return known(known);
        return known.stream()
                .min(Comparator.comparingInt(k -> distance(given, k)))
                .filter(best -> distance(given, best) <= Math.max(2, given.length() / 3))
                .map(best -> "did you mean '" + best + "'?")
                .orElseGet(() -> known(known));
    }

    private static String known(Collection<String> known) {
        return "known: " + String.join(", ", known.stream().sorted().limit(12).map(Quote::shorten).toList())
                + (known.size() > 12 ? ", ..." : "");
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
