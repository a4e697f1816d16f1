package org.phasegate.forecast;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Monte Carlo runs of a compiled model: latent conditions drawn once per run, then fixed steps in which
 * violations may occur, the ceasefire may collapse (a competing risk), contributors may withdraw after a casualty
 * shock, unlocked obligations progress when their owing parties comply, and gates open. See docs/forecast.md.
 * This object holds only what every run shares (tables computed once); each run's state lives in a {@link Run}.
 */
final class Simulation {
    private static final double TWO_53 = 0x1.0p53;
    private final Model m;
    private final int steps;
    private final double dt;
    private final int blockStep;
    /** Baseline cumulative hazard added by each step (it depends on the step alone, so it is computed once). */
    private final double[] hazard;
    /** The chance of collapse in each step with no other factor, and with peacekeepers only (the common cases). */
    private final double[] plain;
    private final double[] keptPeace;
    private final CollapseHazard collapseHazard;
    /**
     * Per obligation, the per-step compliance with k of its conditions failed (k = 0..its number of conditions), as
     * a bar for 53 random bits: {@code bits < bar} exactly when {@code nextDouble() < probability}.
     */
    private final long[][] compliance;
    private final int[] violators;
    private final double[] quietChance;
    private final int[] contributors;
    private final double shock;
    private final int window;

    /** {@code blockStep}: the step at whose end a run records which gates hold up the focus phase. */
    Simulation(Model model, int steps, double stepDays, int blockStep) {
        this.m = model;
        this.steps = steps;
        this.dt = stepDays;
        this.blockStep = Math.min(steps, Math.max(0, blockStep));
        collapseHazard = m.collapse;
        hazard = new double[steps];
        for (int k = 0; k < steps; k++) hazard[k] = collapseHazard.cumulative((k + 1) * dt) - collapseHazard.cumulative(k * dt);
        plain = Arrays.stream(hazard).map(h -> -Math.expm1(-h)).toArray();
        keptPeace = Arrays.stream(hazard).map(h -> -Math.expm1(-h * collapseHazard.peacekeeping)).toArray();
        compliance = new long[m.obligations()][];
        for (int o = 0; o < compliance.length; o++) {
            compliance[o] = new long[m.obligationConditions[o].length + 1];
            for (int k = 0; k < compliance[o].length; k++) {
                double weekly = m.weeklyCompliance[o] * Math.pow(m.failureFactor, k);
                compliance[o][k] = (long) Math.ceil((1 - Math.pow(1 - weekly, dt / 7)) * TWO_53);
            }
        }
        violators = IntStream.range(0, m.violationsPerDay.length).filter(p -> m.violationsPerDay[p] > 0).toArray();
        quietChance = Arrays.stream(violators).mapToDouble(p -> Math.exp(-m.violationsPerDay[p] * dt)).toArray();
        contributors = IntStream.range(0, m.obligations()).filter(o -> m.contributorDeployment[o]).toArray();
        shock = 1 - Math.pow(1 - m.casualtyShockPerWeek, dt / 7);
        window = Math.max(1, (int) Math.ceil(30 / dt));
    }

    /** Run {@code run} of a forecast seeded with {@code seed}; its draws depend on nothing else. */
    RunResult run(long seed, long run) {
        return new Run().run(Streams.runSeed(seed, run));
    }

    /** A run whose arrays are reused from one run to the next; for one thread at a time. */
    Run runner() {
        return new Run();
    }

    private static final int CHANGED = 1;
    private static final int OPENED = 2;

    /** One run at a time: its random stream and its mutable state, reset at the start of each run. */
    final class Run {
        private final Streams rng = new Streams(m.partyIds.length, m.obligations());
        private final RunState s = new RunState(m);
        private final long[] bar = new long[m.obligations()];
        private final double[] increment = new double[m.obligations()];
        private final int[] active = new int[m.obligations()];
        private int activeCount = -1;
        private final int[] guards = new int[m.gates()];
        private int[] phaseDone;
        private int[] gateOpened;
        private final int[] recent = new int[window];
        private final MissedDeadlines deadlines = new MissedDeadlines(m);
        private int collapse = -1;
        private int fallback = -1;
        private double lastChange;
        private double withdrawalAt = Double.POSITIVE_INFINITY;
        private long blockers;
        /** The force contributors' deployment at the start of this step. */
        private double deployed;

        RunResult run(long runSeed) {
            reset(runSeed);
            for (int step = 0; step < steps; step++) {
                if (!step(step)) break;
                if (step + 1 == blockStep) blockers = blockers();
            }
            return new RunResult(phaseDone, collapse, fallback, gateOpened, blockers);
        }

        private void reset(long runSeed) {
            rng.reset(runSeed);
            s.reset(m);
            activeCount = -1;
            Arrays.fill(recent, 0);
            collapse = -1;
            fallback = -1;
            lastChange = 0;
            withdrawalAt = Double.POSITIVE_INFINITY;
            blockers = 0;
            deadlines.reset();
            drawConditions();
            Arrays.fill(increment, Double.NaN);
            Arrays.fill(guards, Program.NO_GUARD);
            phaseDone = new int[m.phaseIds.length];
            gateOpened = new int[m.gates()];
            for (int p = 0; p < phaseDone.length; p++) phaseDone[p] = complete(p) ? 0 : -1;
            for (int g = 0; g < gateOpened.length; g++) gateOpened[g] = s.gateOpen[g] ? 0 : -1;
            if (blockStep == 0) blockers = blockers();
        }

        /** One step; false when the ceasefire collapsed and the plan ended. */
        private boolean step(int step) {
            double t = (step + 1) * dt;
            s.now = t;
            int violations = violations(step % window);
            deployed = deployed();
            if (fallback < 0 && collapses(step, t - dt, t, violations)) {
                collapse = step + 1;
                if (rng.uniform(Streams.COLLAPSE) >= m.fallbackShare) return false;
                fallback = step + 1;
                for (int o = 0; o < bar.length; o++) if (m.armedGroup[o]) bar[o] = 0;
            }
            contributors(t);
            if (activeCount < 0) activate();
            boolean completed = progress(t);
            int gates = openGates(step + 1, t);
            if ((gates & OPENED) != 0 || completed) lastChange = t;
            if (gates != 0) activeCount = -1;
            if (completed) {
                for (int p = 0; p < phaseDone.length; p++) if (phaseDone[p] < 0 && complete(p)) phaseDone[p] = step + 1;
            }
            return true;
        }

        /** Latent conditions drawn once: a Gaussian copula with one common factor; a failed condition damps compliance. */
        private void drawConditions() {
            int n = m.conditionThreshold.length;
            boolean[] holds = new boolean[n];
            double common = Normal.quantile(rng.uniform(Streams.CONDITIONS));
            double a = Math.sqrt(m.correlation);
            double b = Math.sqrt(1 - m.correlation);
            for (int c = 0; c < n; c++) holds[c] = a * common + b * Normal.quantile(rng.uniform(Streams.CONDITIONS)) < m.conditionThreshold[c];
            for (int o = 0; o < bar.length; o++) {
                int failed = 0;
                for (int c : m.obligationConditions[o]) if (!holds[c]) failed++;
                bar[o] = compliance[o][failed];
            }
        }

        private int violations(int slot) {
            int now = 0;
            for (int i = 0; i < violators.length; i++) {
                int k = poisson(Streams.party(violators[i]), quietChance[i]);
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
        private int poisson(int channel, double limit) {
            double product = rng.uniform(channel);
            int k = 0;
            while (product > limit) {
                k++;
                product *= rng.uniform(channel);
            }
            return k;
        }

        /**
         * The fitted baseline over [t0, t1], times the fitted pko hazard ratio once the force is deployed and the
         * bounded multipliers for recent violations, a stall and a missed deadline (see {@link CollapseHazard}).
         */
        private boolean collapses(int step, double t0, double t1, int violations) {
            if (hazard[step] <= 0) return false;
            boolean peacekeepers = deployed >= m.intermediateFrom;
            deadlines.update(s, t1);
            double stallStart = lastChange + collapseHazard.stallDays;
            boolean plainStep = violations == 0 && stallStart >= t1 && (deadlines.until <= t0 || deadlines.from >= t1);
            if (plainStep) return rng.uniform(Streams.COLLAPSE) < (peacekeepers ? keptPeace[step] : plain[step]);
            double factor = collapseHazard.violations(violations) * (peacekeepers ? collapseHazard.peacekeeping : 1);
            double h = collapseHazard.integral(t0, t1, hazard[step], factor, stallStart, deadlines.from, deadlines.until);
            return rng.uniform(Streams.COLLAPSE) < -Math.expm1(-h);
        }

        /** A casualty shock may make contributors leave some days later, taking part of the force with them. */
        private void contributors(double t) {
            if (withdrawalAt == Double.POSITIVE_INFINITY && deployed > 0 && rng.uniform(Streams.CONTRIBUTORS) < shock
                    && rng.uniform(Streams.CONTRIBUTORS) < m.withdrawalProbability) {
                withdrawalAt = t + m.withdrawalDelay;
            }
            if (t < withdrawalAt) return;
            for (int o : contributors) {
                s.progress[o] *= 1 - m.withdrawalShare;
                if (s.progress[o] < 1) s.completedDay[o] = Double.NaN;
            }
            withdrawalAt = Double.POSITIVE_INFINITY;
            activeCount = -1;
        }

        /** How far the force contributors' deployment has got (the least advanced of their obligations); 0 if none. */
        private double deployed() {
            if (contributors.length == 0) return 0;
            double least = 1;
            for (int o : contributors) least = Math.min(least, s.progress[o]);
            return least;
        }

        /** Lists the unfinished, unlocked obligations in index order, drawing a duration for each the first time. */
        private void activate() {
            int n = 0;
            for (int o = 0; o < active.length; o++) {
                if (s.progress[o] >= 1 || !unlocked(o)) continue;
                if (Double.isNaN(increment[o])) {
                    increment[o] = dt / (m.medianDays[o] * Math.exp(m.spread * Normal.quantile(rng.uniform(rng.obligation(o)))));
                }
                active[n++] = o;
            }
            activeCount = n;
        }

        private boolean unlocked(int o) {
            int[] gates = m.unlockers[o];
            if (gates.length == 0) return true;
            for (int g : gates) if (s.gateOpen[g]) return true;
            return false;
        }

        /** Compliant steps of the active obligations; a completed one leaves the list. */
        private boolean progress(double t) {
            boolean completed = false;
            for (int i = 0; i < activeCount; i++) {
                int o = active[i];
                if ((rng.bits(rng.obligation(o)) >>> 11) >= bar[o]) continue;
                s.progress[o] += increment[o];
                if (s.progress[o] >= 1) {
                    s.progress[o] = 1;
                    s.completedDay[o] = t;
                    completed = true;
                    active[i--] = active[--activeCount];
                }
            }
            return completed;
        }

        /**
         * Evaluates the gates in dependency order, skipping a gate while the part that decided it last time keeps its
         * value; returns CHANGED if any opened or closed, plus OPENED if any opened.
         */
        private int openGates(int step, double t) {
            int flags = 0;
            for (int g : m.gateOrder) {
                if (s.gateOpen[g] && m.gateLatch[g]) continue;
                if (guards[g] >= 0 && m.program.part(guards[g], s) == s.gateOpen[g]) continue;   // what decided it still holds
                int decision = m.program.decide(g, s);
                boolean now = (decision & 1) == 1;
                guards[g] = decision >> 1;
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

        private boolean complete(int phase) {
            for (int o : m.phaseRequired[phase]) if (s.progress[o] < 1) return false;
            return m.phaseRequired[phase].length > 0;
        }

        /** Closed gates that lock something the focus phase still needs: where this run got stuck. */
        private long blockers() {
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
}
