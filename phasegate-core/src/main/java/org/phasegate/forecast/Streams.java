package org.phasegate.forecast;

/**
 * One run's random numbers as independent SplitMix64 streams, one per source: the latent conditions, collapse,
 * contributors, each party's violations and each obligation. A change to one source (an obligation's compliance,
 * a party's violation rate) then leaves every other source's draws as they were, so the two arms of a
 * sensitivity comparison differ only where the change acts (common random numbers), and a result depends only on
 * the seed and the run's index, never on the thread that computes it.
 */
final class Streams {
    static final int CONDITIONS = 0;
    static final int COLLAPSE = 1;
    static final int CONTRIBUTORS = 2;
    private static final int FIXED = 3;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long CHANNEL = 0xD1B54A32D192ED03L;
    private final long[] state;
    private final int parties;

    Streams(int parties, int obligations) {
        this.parties = parties;
        this.state = new long[FIXED + parties + obligations];
    }

    /** The seed of run {@code run} of a forecast seeded with {@code seed}. */
    static long runSeed(long seed, long run) {
        return mix(seed + GOLDEN * (run + 1));
    }

    void reset(long runSeed) {
        for (int c = 0; c < state.length; c++) state[c] = mix(runSeed + CHANNEL * (c + 1));
    }

    static int party(int p) {
        return FIXED + p;
    }

    int obligation(int o) {
        return FIXED + parties + o;
    }

    long bits(int channel) {
        return mix(state[channel] += GOLDEN);
    }

    double uniform(int channel) {
        return (bits(channel) >>> 11) * 0x1.0p-53;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
