package org.phasegate.forecast;

import java.util.Arrays;

/**
 * The obligations of one run in continuous time. An unlocked, unfinished obligation works at a constant rate: its
 * compliance share (the part of the time its owing parties comply, after failed conditions) over its duration, a
 * lognormal draw made when it is first unlocked. So it completes after duration × remaining / share days of
 * unlocked time, and the moment it reaches the next level a gate reads ({@link Triggers#levels}) is known exactly.
 * Gates only compare progress with those levels, so the run's visible progress ({@link RunState#progress}) moves
 * from level to level; the exact progress is kept here as a value at a moment plus a rate.
 */
final class Progress {
    /** Called when an obligation completes, at the moment it does. */
    interface Completion {
        void completed(int obligation, double day);
    }

    private final Model m;
    private final RunState s;
    private final Streams rng;
    private final StaleGates stale;
    /** Per gate: the obligations it unlocks. */
    private final int[][] unlocks;
    private final double[][] levels;
    private final double[] duration;
    private final double[] share;
    private final double[] rate;
    private final double[] exact;
    private final double[] since;
    private final double[] target;
    /** The working obligations by the day each reaches its next level. */
    private final Crossings working;
    /** Obligations that reached a level at the moment being visited. */
    private final int[] reached;
    /** Every obligation must be looked at again (a new run, the fallback, a loss). */
    private boolean dirty;
    /** Obligations one of whose unlocking gates opened or closed; {@link #queued} says which are listed. */
    private final int[] recheck;
    private final boolean[] queued;
    private int rechecks;

    Progress(Model m, RunState s, Streams rng, Triggers triggers, StaleGates stale) {
        this.m = m;
        this.s = s;
        this.rng = rng;
        this.stale = stale;
        this.levels = triggers.levels();
        int n = m.obligations();
        unlocks = new int[m.gates()][];
        for (int g = 0; g < unlocks.length; g++) {
            int gate = g;
            unlocks[g] = java.util.stream.IntStream.range(0, n)
                    .filter(o -> java.util.Arrays.stream(m.unlockers[o]).anyMatch(u -> u == gate)).toArray();
        }
        duration = new double[n];
        share = new double[n];
        rate = new double[n];
        exact = new double[n];
        since = new double[n];
        target = new double[n];
        working = new Crossings(n);
        reached = new int[n];
        recheck = new int[n];
        queued = new boolean[n];
    }

    /**
     * A new run: no duration drawn yet; each obligation's share with as many of its slowing conditions failed as
     * failed, or 0 if a vetoing condition failed or its total is final.
     */
    void reset(boolean[] holds, double[][] shares) {
        Arrays.fill(duration, Double.NaN);
        System.arraycopy(s.progress, 0, exact, 0, exact.length);
        Arrays.fill(since, 0);
        for (int o = 0; o < share.length; o++) {
            int failed = 0;
            boolean vetoed = false;
            for (int c : m.obligationConditions[o]) {
                if (holds[c]) continue;
                if (m.conditionVetoes[c]) vetoed = true;
                else failed++;
            }
            share[o] = m.closed[o] || vetoed ? 0 : shares[o][failed];
        }
        working.clear();
        dirty = true;
    }

    /** A fallback: the obligations it stops make no more progress. */
    void halt(boolean[] stops) {
        for (int o = 0; o < share.length; o++) if (stops[o]) share[o] = 0;
        dirty = true;
    }

    /** Which obligations work may have changed everywhere. */
    void invalidate() {
        dirty = true;
    }

    /** Gate g opened or closed: the obligations it unlocks may start or stop working. */
    void gateChanged(int g) {
        for (int o : unlocks[g]) {
            if (queued[o]) continue;
            queued[o] = true;
            recheck[rechecks++] = o;
        }
    }

    /** Multiplies the exact progress of one obligation at t by {@code keep}; its visible progress with it. */
    void lose(int o, double t, double keep) {
        settle(t);
        exact[o] *= keep;
        s.progress[o] = exact[o];
        if (s.progress[o] < 1) s.completedDay[o] = Double.NaN;
        stale.obligation(o);
        dirty = true;
    }

    /** The earliest moment at or after t at which a working obligation reaches its next level; +infinity if none. */
    double nextCrossing(double t) {
        if (dirty) activate(t);
        else if (rechecks > 0) recheck(t);
        return working.earliest();
    }

    /** Levels reached by t, each obligation at most one level; completed ones stop working. True if any was reached. */
    boolean crossed(double t, Completion done) {
        int n = 0;
        while (working.earliest() <= t) {
            reached[n] = working.first();
            working.remove(reached[n++]);
        }
        for (int i = 0; i < n; i++) {
            int o = reached[i];
            exact[o] = target[o];
            since[o] = t;
            s.progress[o] = Math.max(s.progress[o], target[o]);
            stale.obligation(o);
            if (target[o] >= 1) {
                s.progress[o] = 1;
                s.completedDay[o] = t;
                done.completed(o, t);
            } else {
                aim(o, t);
            }
        }
        return n > 0;
    }

    /** Folds the work done since the last change into the exact progress of the working obligations. */
    private void settle(double t) {
        for (int i = 0; i < working.size(); i++) {
            int o = working.get(i);
            exact[o] = Math.min(target[o], exact[o] + rate[o] * (t - since[o]));
            since[o] = t;
        }
    }

    /** Lists the unfinished, unlocked obligations that can work, drawing a duration for each the first time. */
    private void activate(double t) {
        settle(t);
        working.clear();
        for (int o = 0; o < exact.length; o++) if (canWork(o)) start(o, t);
        for (int i = 0; i < rechecks; i++) queued[recheck[i]] = false;
        rechecks = 0;
        dirty = false;
    }

    /**
     * Starts or stops the obligations whose unlocking gates changed; the others go on at their rates (their
     * crossing moments stay as they were).
     */
    private void recheck(double t) {
        for (int i = 0; i < rechecks; i++) {
            int o = recheck[i];
            queued[o] = false;
            boolean works = working.contains(o);
            if (works == canWork(o)) continue;
            if (works) {
                exact[o] = Math.min(target[o], exact[o] + rate[o] * (t - since[o]));
                working.remove(o);
            } else {
                start(o, t);
            }
        }
        rechecks = 0;
    }

    /** Unfinished and unlocked with a positive rate; draws its duration the first time. */
    private boolean canWork(int o) {
        if (s.progress[o] >= 1 || !unlocked(o)) return false;
        if (Double.isNaN(duration[o])) draw(o);
        rate[o] = share[o] / duration[o];
        return rate[o] > 0;
    }

    private void start(int o, double t) {
        since[o] = t;
        aim(o, t);
    }

    /**
     * Draws the obligation's duration. One that has been working for e days at the start without finishing took
     * longer: its duration is drawn from the lognormal conditioned on exceeding e × share (the work done so far), and
     * that work counts as done.
     */
    private void draw(int o) {
        double u = rng.uniform(rng.obligation(o));
        double done = m.startElapsed[o] * share[o];
        double median = m.medianDays[o];
        if (done > 0 && m.spread > 0) {
            double below = Normal.cdf(Math.log(done / median) / m.spread);
            u = below + u * (1 - below);
        }
        duration[o] = Math.max(1e-6, Math.max(median * Math.exp(m.spread * Normal.quantile(u)), done));
        if (done > 0) {
            exact[o] = Math.max(exact[o], Math.min(1, done / duration[o]));
            s.progress[o] = Math.max(s.progress[o], exact[o]);
            stale.obligation(o);
        }
    }

    private void aim(int o, double t) {
        double next = 1;
        for (double l : levels[o]) {
            if (l > exact[o] + 1e-9) {
                next = l;
                break;
            }
        }
        target[o] = next;
        working.put(o, t + (next - exact[o]) / rate[o]);
    }

    private boolean unlocked(int o) {
        int[] gates = m.unlockers[o];
        if (gates.length == 0) return true;
        for (int g : gates) if (s.gateOpen[g]) return true;
        return false;
    }
}
