package org.phasegate.forecast;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One Monte Carlo run of a compiled model: latent conditions drawn once, then fixed steps in which violations
 * may occur, the ceasefire may collapse (a competing risk), contributors may withdraw after a casualty shock,
 * unlocked obligations progress when their owing parties comply, and gates open. See docs/forecast.md.
 */
final class Simulation {
    private final Model m;
    private final int steps;
    private final double dt;
    private final int blockStep;
    /** Cumulative Weibull hazard added by each step (it depends on the step alone, so it is computed once). */
    private final double[] hazard;
    /** Per obligation, per-step compliance with k of its conditions failed, k = 0..its number of conditions. */
    private final double[][] compliance;
    private final int[] violators;
    private final double[] quietChance;
    private final int[] contributors;

    /** {@code blockStep}: the step at whose end the run records which gates hold up the focus phase. */
    Simulation(Model model, int steps, double stepDays, int blockStep) {
        this.m = model;
        this.steps = steps;
        this.dt = stepDays;
        this.blockStep = Math.min(steps, Math.max(0, blockStep));
        hazard = new double[steps];
        for (int k = 0; k < steps; k++) {
            hazard[k] = m.cumulativeHazard(m.ceasefireAge + (k + 1) * dt) - m.cumulativeHazard(m.ceasefireAge + k * dt);
        }
        compliance = new double[m.obligations()][];
        for (int o = 0; o < compliance.length; o++) {
            compliance[o] = new double[m.obligationConditions[o].length + 1];
            for (int k = 0; k < compliance[o].length; k++) {
                double weekly = m.weeklyCompliance[o] * Math.pow(m.failureFactor, k);
                compliance[o][k] = 1 - Math.pow(1 - weekly, dt / 7);
            }
        }
        violators = java.util.stream.IntStream.range(0, m.violationsPerDay.length).filter(p -> m.violationsPerDay[p] > 0).toArray();
        quietChance = Arrays.stream(violators).mapToDouble(p -> Math.exp(-m.violationsPerDay[p] * dt)).toArray();
        contributors = java.util.stream.IntStream.range(0, m.obligations()).filter(o -> m.contributorDeployment[o]).toArray();
    }

    /** Each run's random stream depends only on the seed and the run's index, never on the thread that runs it. */
    static SplittableRandom stream(long seed, long run) {
        return new SplittableRandom(mix(seed + 0x9E3779B97F4A7C15L * (run + 1)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    RunResult run(SplittableRandom rng) {
        var s = new RunState(m);
        double[] q = stepCompliance(rng);
        double[] duration = new double[m.obligations()];
        Arrays.fill(duration, Double.NaN);
        int[] phaseDone = new int[m.phaseIds.length];
        for (int p = 0; p < phaseDone.length; p++) phaseDone[p] = complete(s, p) ? 0 : -1;
        int[] gateOpened = new int[m.gates()];
        for (int g = 0; g < gateOpened.length; g++) gateOpened[g] = s.gateOpen[g] ? 0 : -1;
        int window = Math.max(1, (int) Math.ceil(30 / dt));
        int[] recent = new int[window];
        int collapse = -1;
        int fallback = -1;
        double lastChange = 0;
        double withdrawalAt = Double.POSITIVE_INFINITY;
        double shock = 1 - Math.pow(1 - m.casualtyShockPerWeek, dt / 7);
        boolean ended = false;
        int[] active = new int[m.obligations()];
        int[] guards = new int[m.gates()];
        Arrays.fill(guards, Program.NO_GUARD);
        int activeCount = -1;
        long blockers = blockStep == 0 ? blockers(s, phaseDone) : 0L;
        for (int step = 0; step < steps && !ended; step++) {
            double t = (step + 1) * dt;
            s.now = t;
            int violations = violations(s, rng, recent, step % window);
            if (fallback < 0 && collapses(s, rng, hazard[step], t, lastChange, violations)) {
                collapse = step + 1;
                if (rng.nextDouble() < m.fallbackShare) {
                    fallback = step + 1;
                    for (int o = 0; o < q.length; o++) if (m.armedGroup[o]) q[o] = 0;
                } else {
                    ended = true;
                    break;
                }
            }
            if (withdrawalAt == Double.POSITIVE_INFINITY && deployed(s) > 0 && rng.nextDouble() < shock
                    && rng.nextDouble() < m.withdrawalProbability) {
                withdrawalAt = t + m.withdrawalDelay;
            }
            if (t >= withdrawalAt) {
                withdraw(s);
                withdrawalAt = Double.POSITIVE_INFINITY;
                activeCount = -1;
            }
            if (activeCount < 0) activeCount = active(s, active);
            boolean completed = progress(s, rng, q, duration, t, active, activeCount);
            int gates = openGates(s, gateOpened, guards, step + 1, t);
            if ((gates & OPENED) != 0 || completed) lastChange = t;
            if (gates != 0) activeCount = -1;
            if (completed) {
                for (int p = 0; p < phaseDone.length; p++) if (phaseDone[p] < 0 && complete(s, p)) phaseDone[p] = step + 1;
            }
            if (step + 1 == blockStep) blockers = blockers(s, phaseDone);
        }
        return new RunResult(phaseDone, collapse, fallback, gateOpened, blockers);
    }

    /** Latent conditions drawn once: a Gaussian copula with one common factor; a failed condition damps compliance. */
    private double[] stepCompliance(SplittableRandom rng) {
        int n = m.conditionThreshold.length;
        boolean[] holds = new boolean[n];
        double common = Normal.quantile(rng.nextDouble());
        double a = Math.sqrt(m.correlation);
        double b = Math.sqrt(1 - m.correlation);
        for (int c = 0; c < n; c++) holds[c] = a * common + b * Normal.quantile(rng.nextDouble()) < m.conditionThreshold[c];
        double[] q = new double[m.obligations()];
        for (int o = 0; o < q.length; o++) {
            int failed = 0;
            for (int c : m.obligationConditions[o]) if (!holds[c]) failed++;
            q[o] = compliance[o][failed];
        }
        return q;
    }

    private int violations(RunState s, SplittableRandom rng, int[] recent, int slot) {
        int now = 0;
        for (int i = 0; i < violators.length; i++) {
            int k = poisson(rng, quietChance[i]);
            if (k > 0) {
                now += k;
                s.lastViolation[violators[i]] = s.now;
            }
        }
        recent[slot] = now;
        int sum = 0;
        for (int r : recent) sum += r;
        return sum;
    }

    /** Knuth's Poisson draw; {@code limit} is exp(-mean), the chance of none. */
    private static int poisson(SplittableRandom rng, double limit) {
        double product = rng.nextDouble();
        int k = 0;
        while (product > limit) {
            k++;
            product *= rng.nextDouble();
        }
        return k;
    }

    /** Weibull hazard over this step, scaled by peacekeepers, recent violations and stalls (with rearmament). */
    private boolean collapses(RunState s, SplittableRandom rng, double dh, double t, double lastChange, int violations) {
        if (dh <= 0) return false;
        double factor = violations == 0 ? 1 : Math.pow(m.violationHazard, violations);
        if (deployed(s) >= m.intermediateFrom) factor *= m.peacekeeperFactor;
        double stalled = t - lastChange - m.stallDays;
        if (stalled >= 0) factor *= m.stallHazard * (1 + m.rearmGrowth * stalled / 30);
        return rng.nextDouble() < -Math.expm1(-dh * factor);
    }

    /** How far the force contributors' deployment has got (the least advanced of their obligations); 0 if none. */
    private double deployed(RunState s) {
        if (contributors.length == 0) return 0;
        double least = 1;
        for (int o : contributors) least = Math.min(least, s.progress[o]);
        return least;
    }

    private void withdraw(RunState s) {
        for (int o : contributors) {
            s.progress[o] *= 1 - m.withdrawalShare;
            if (s.progress[o] < 1) s.completedDay[o] = Double.NaN;
        }
    }

    /** Fills {@code active} with the unfinished, unlocked obligations in index order; returns how many. */
    private int active(RunState s, int[] active) {
        int n = 0;
        for (int o = 0; o < active.length; o++) if (s.progress[o] < 1 && unlocked(s, o)) active[n++] = o;
        return n;
    }

    private boolean progress(RunState s, SplittableRandom rng, double[] q, double[] duration, double t, int[] active, int count) {
        boolean completed = false;
        for (int i = 0; i < count; i++) {
            int o = active[i];
            if (s.progress[o] >= 1) continue;
            if (Double.isNaN(duration[o])) duration[o] = m.medianDays[o] * Math.exp(m.spread * Normal.quantile(rng.nextDouble()));
            if (q[o] > 0 && rng.nextDouble() < q[o]) {
                s.progress[o] += dt / duration[o];
                if (s.progress[o] >= 1) {
                    s.progress[o] = 1;
                    s.completedDay[o] = t;
                    completed = true;
                }
            }
        }
        return completed;
    }

    private boolean unlocked(RunState s, int o) {
        int[] gates = m.unlockers[o];
        if (gates.length == 0) return true;
        for (int g : gates) if (s.gateOpen[g]) return true;
        return false;
    }

    private static final int CHANGED = 1;
    private static final int OPENED = 2;

    /**
     * Evaluates the gates in dependency order, skipping a closed gate while the leaf that kept it closed still fails;
     * returns CHANGED if any opened or closed, plus OPENED if any opened.
     */
    private int openGates(RunState s, int[] gateOpened, int[] guards, int step, double t) {
        int flags = 0;
        for (int g : m.gateOrder) {
            if (s.gateOpen[g] && m.gateLatch[g]) continue;
            if (guards[g] >= 0 && !m.program.leaf(guards[g], s)) continue;   // closed, and what kept it closed still does
            int result = m.program.check(g, s);
            boolean now = result == Program.HOLDS;
            guards[g] = now ? Program.NO_GUARD : result;
            if (now == s.gateOpen[g]) continue;
            s.gateOpen[g] = now;
            flags |= CHANGED;
            if (now) {
                s.gateOpenedDay[g] = t;
                if (gateOpened[g] < 0) gateOpened[g] = step;
                flags |= OPENED;
            }
        }
        return flags;
    }

    private boolean complete(RunState s, int phase) {
        for (int o : m.phaseRequired[phase]) if (s.progress[o] < 1) return false;
        return m.phaseRequired[phase].length > 0;
    }

    /** Closed gates that lock something the focus phase still needs: where this run got stuck. */
    private long blockers(RunState s, int[] phaseDone) {
        if (phaseDone[m.focusPhase] >= 0) return 0L;
        long mask = 0;
        for (int g = 0; g < Math.min(64, m.gates()); g++) {
            if (s.gateOpen[g]) continue;
            for (int o : m.focusUnlocks[g]) {
                if (s.progress[o] < 1) {
                    mask |= 1L << g;
                    break;
                }
            }
        }
        return mask;
    }
}
