package org.phasegate.forecast;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Monte Carlo runs of a compiled model. See docs/forecast.md.
 *
 * <p>Design note. Obligations and gates live in continuous time: an unlocked obligation progresses at a constant
 * rate (its compliance share over its drawn duration), so the moment it reaches a level some gate reads is known
 * exactly; violations are a Poisson process drawn as exponential gaps; relative dates and quiet periods are pending
 * moments ({@link Wakes}). Between two such moments nothing a gate reads can change, so a run jumps from one to the
 * next and evaluates the gates there. The step ({@code stepDays}) remains only for the ceasefire-collapse hazard,
 * the contributors' casualty shocks and the points of the reported curves: obligation progress, gate openings and
 * phase completions do not depend on it. This object holds only what every run shares; each run's state lives in
 * a {@link Run}.
 */
final class Simulation {
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
    /** Per obligation, its compliance share (the part of the time its owing parties work) with k of its conditions failed. */
    private final double[][] share;
    private final int[] violators;
    private final double[] violationMean;
    private final int[] contributors;
    private final double shock;
    private final int window;
    private final Triggers triggers;
    private final StaleGates.Inputs inputs;

    /** {@code blockStep}: the step at whose end a run records which gates hold up the focus phase. */
    Simulation(Model model, int steps, double stepDays, int blockStep) {
        this.m = model;
        this.steps = steps;
        this.dt = stepDays;
        this.blockStep = Math.min(steps, Math.max(0, blockStep));
        this.triggers = m.triggers;
        collapseHazard = m.collapse;
        hazard = new double[steps];
        for (int k = 0; k < steps; k++) hazard[k] = collapseHazard.cumulative((k + 1) * dt) - collapseHazard.cumulative(k * dt);
        plain = Arrays.stream(hazard).map(h -> -Math.expm1(-h)).toArray();
        keptPeace = Arrays.stream(hazard).map(h -> -Math.expm1(-h * collapseHazard.peacekeeping)).toArray();
        share = new double[m.obligations()][];
        for (int o = 0; o < share.length; o++) {
            share[o] = new double[m.obligationConditions[o].length + 1];
            for (int k = 0; k < share[o].length; k++) share[o][k] = m.weeklyCompliance[o] * Math.pow(m.failureFactor, k);
        }
        violators = IntStream.range(0, m.violationsPerDay.length).filter(p -> m.violationsPerDay[p] > 0).toArray();
        violationMean = Arrays.stream(violators).mapToDouble(p -> 1 / m.violationsPerDay[p]).toArray();
        contributors = IntStream.range(0, m.obligations()).filter(o -> m.contributorDeployment[o]).toArray();
        shock = 1 - Math.pow(1 - m.casualtyShockPerWeek, dt / 7);
        window = Math.max(1, (int) Math.ceil(30 / dt));
        inputs = StaleGates.Inputs.of(m.gateWhen, m.gateOrder, m.obligations(), m.partyIds.length);
    }

    /** Run {@code run} of a forecast seeded with {@code seed}; its draws depend on nothing else. */
    RunResult run(long seed, long run) {
        return new Run().run(Streams.runSeed(seed, run));
    }

    /** A run whose arrays are reused from one run to the next; for one thread at a time. */
    Run runner() {
        return new Run();
    }

    /** One run at a time: its random stream and its mutable state, reset at the start of each run. */
    final class Run {
        private final Streams rng = new Streams(m.partyIds.length, m.obligations());
        private final RunState s = new RunState(m);
        private final StaleGates stale = new StaleGates(inputs);
        private final Progress work;
        private final Progress.Completion onCompleted = this::completed;
        private final Wakes wakes = new Wakes();
        private final double[] nextViolation = new double[violators.length];
        /** The earliest of {@link #nextViolation}, and of the pending quiet-period ends. */
        private double violationDue;
        private double quietDue;
        /** Per party and quiet period: when the period since the party's last violation runs out (one pending each). */
        private final double[][] quietEnds;
        /** Per party: its first quiet period still running (the periods are sorted, so they end in order). */
        private final int[] quietNext = new int[m.partyIds.length];
        private final int[] guards = new int[m.gates()];
        private double[] phaseDone;
        private double[] gateOpened;
        private final int[] recent = new int[window];
        private int slot;
        private int fixed;
        private double collapse;
        private double fallback;
        /** Which declared fallbacks this run has taken. */
        private final boolean[] fallen = new boolean[m.fallbackStops.length];
        private final MissedDeadlines deadlines = new MissedDeadlines(m);
        private double lastChange;
        private double withdrawalAt;
        private long blockers;
        private boolean completedNow;

        Run() {
            work = new Progress(m, s, rng, triggers, stale);
            quietEnds = Arrays.stream(triggers.quietDays()).map(d -> new double[d.length]).toArray(double[][]::new);
        }

        RunResult run(long runSeed) {
            return run(new long[] {runSeed}, new int[0], steps);
        }

        /**
         * A particle of a nowcast: its streams start from {@code seeds[0]} and are reseeded with {@code seeds[j + 1]}
         * at the start of step {@code reseedAt[j]} (its lineage: the history it was resampled from, then fresh draws);
         * it stops after {@code stopStep} steps. The same lineage always gives the same run up to each reseeding.
         */
        RunResult run(long[] seeds, int[] reseedAt, int stopStep) {
            reset(seeds[0]);
            int next = 0;
            for (int step = 0; step < Math.min(steps, stopStep); step++) {
                while (next < reseedAt.length && reseedAt[next] == step) rng.reset(seeds[++next]);
                if (!step(step)) break;
                if (step + 1 == blockStep) blockers = blockers();
            }
            return new RunResult(phaseDone, collapse, fallback, gateOpened, blockers);
        }

        /** Per obligation, the day it completed in the run so far (NaN: not complete); a copy. */
        double[] completed() {
            return s.completedDay.clone();
        }

        private void reset(long runSeed) {
            rng.reset(runSeed);
            s.reset(m);
            wakes.clear();
            Arrays.fill(recent, 0);
            collapse = Double.NaN;
            fallback = Double.NaN;
            Arrays.fill(fallen, false);
            lastChange = 0;
            withdrawalAt = Double.POSITIVE_INFINITY;
            blockers = 0;
            fixed = 0;
            work.reset(drawConditions(), share);
            for (int i = 0; i < violators.length; i++) nextViolation[i] = gap(i);
            violationDue = earliest(nextViolation);
            for (int g = 0; g < m.gates(); g++) if (s.gateOpen[g]) wake(triggers.afterGate()[g], s.gateOpenedDay[g]);
            for (int o = 0; o < m.obligations(); o++) wake(triggers.afterDone()[o], s.completedDay[o]);
            for (int p = 0; p < m.partyIds.length; p++) quiet(p, s.lastViolation[p]);
            quietDue = earliestQuietEnd();
            deadlines.reset();
            Arrays.fill(guards, Program.NO_GUARD);
            phaseDone = new double[m.phaseIds.length];
            gateOpened = new double[m.gates()];
            Arrays.fill(phaseDone, Double.NaN);
            Arrays.fill(gateOpened, Double.NaN);
            for (int g = 0; g < gateOpened.length; g++) if (s.gateOpen[g]) gateOpened[g] = 0;
            s.now = 0;
            stale.all();
            openGates(0);
            fallbacks(0);
            work.invalidate();
            phases(0);
            if (blockStep == 0) blockers = blockers();
        }

        /** One step; false when the ceasefire collapsed and the plan ended. */
        private boolean step(int step) {
            double t0 = step * dt;
            double t1 = (step + 1) * dt;
            slot = step % window;
            recent[slot] = 0;
            double deployed = deployed();
            contributors(t0, deployed);
            advance(t0, t1);
            s.now = t1;
            int violations = 0;
            for (int r : recent) violations += r;
            if (Double.isNaN(collapse) && collapses(step, t0, t1, violations, deployed)) {
                collapse = t1;
                if (m.collapseFallback < 0 || rng.uniform(Streams.COLLAPSE) >= m.fallbackShare) return false;
                fallBack(m.collapseFallback, t1);
            }
            return true;
        }

        /** Visits every moment in (t0, t1] at which something a gate reads can change, in time order. */
        private void advance(double t0, double t1) {
            double t = t0;
            while (t < t1) {
                double next = Math.min(t1, Math.min(work.nextCrossing(t), Math.min(wakes.next(), withdrawalAt)));
                next = Math.min(next, fixed < triggers.fixedDays().length ? Math.max(t, triggers.fixedDays()[fixed]) : t1);
                next = Math.min(next, Math.min(violationDue, quietDue));
                next = Math.max(next, t);
                t = next;
                s.now = t;
                completedNow = false;
                boolean changed = work.crossed(t, onCompleted);
                if (violationDue <= t) changed |= violationsAt(t);
                if (wakes.popUpTo(t)) {
                    stale.clock();
                    changed = true;
                }
                if (quietDue <= t) changed |= quietEnded(t);
                while (fixed < triggers.fixedDays().length && triggers.fixedDays()[fixed] <= t) {
                    fixed++;
                    stale.clock();
                    changed = true;
                }
                if (withdrawalAt <= t) {
                    withdraw(t);
                    changed = true;
                }
                if (changed) settle(t);
            }
        }

        /** Gates and phases after a change at t; a gate that opened or closed changes which obligations work. */
        private void settle(double t) {
            openGates(t);
            fallbacks(t);
            if (completedNow) phases(t);
        }

        /** Takes each fallback whose condition holds now (evaluated after the gates, as an extra root of the program). */
        private void fallbacks(double t) {
            for (int i = 0; i < m.conditionFallbacks.length; i++) {
                int f = m.conditionFallbacks[i];
                if (!fallen[f] && m.program.gate(m.gates() + i, s)) fallBack(f, t);
            }
        }

        private void fallBack(int f, double t) {
            fallen[f] = true;
            if (Double.isNaN(fallback)) fallback = t;
            work.halt(m.fallbackStops[f]);
        }

        private void completed(int o, double t) {
            completedNow = true;
            lastChange = t;
            wake(triggers.afterDone()[o], t);
        }

        private boolean violationsAt(double t) {
            boolean any = false;
            for (int i = 0; i < violators.length; i++) {
                while (nextViolation[i] <= t) {
                    int p = violators[i];
                    s.lastViolation[p] = nextViolation[i];
                    quiet(p, nextViolation[i]);
                    recent[slot]++;
                    nextViolation[i] += gap(i);
                    any = true;
                }
            }
            violationDue = earliest(nextViolation);
            quietDue = earliestQuietEnd();
            return any;
        }

        private double earliestQuietEnd() {
            double e = Double.POSITIVE_INFINITY;
            for (int p = 0; p < quietEnds.length; p++) if (quietNext[p] < quietEnds[p].length) e = Math.min(e, quietEnds[p][quietNext[p]]);
            return e;
        }

        private static double earliest(double[] days) {
            double e = Double.POSITIVE_INFINITY;
            for (double d : days) e = Math.min(e, d);
            return e;
        }

        /** The time to a party's next violation: exponential with the party's mean gap. */
        private double gap(int i) {
            return -Math.log(1 - rng.uniform(Streams.party(violators[i]))) * violationMean[i];
        }

        /** A violation at {@code at} restarts each of the party's quiet periods; those already over stay over. */
        private void quiet(int p, double at) {
            double[] days = triggers.quietDays()[p];
            quietNext[p] = days.length;
            for (int k = days.length - 1; k >= 0; k--) {
                quietEnds[p][k] = at + days[k];
                if (Double.isFinite(quietEnds[p][k]) && quietEnds[p][k] > s.now) quietNext[p] = k;
            }
            stale.party(p);
        }

        private boolean quietEnded(double t) {
            boolean any = false;
            for (int p = 0; p < quietEnds.length; p++) {
                while (quietNext[p] < quietEnds[p].length && quietEnds[p][quietNext[p]] <= t) {
                    quietNext[p]++;
                    stale.party(p);
                    any = true;
                }
            }
            quietDue = earliestQuietEnd();
            return any;
        }

        private void wake(double[] offsets, double from) {
            if (Double.isNaN(from) || Double.isInfinite(from)) return;
            for (double d : offsets) if (from + d > s.now) wakes.add(from + d);
        }

        /** Latent conditions drawn once: a Gaussian copula with one common factor; returns which hold. */
        private boolean[] drawConditions() {
            int n = m.conditionThreshold.length;
            boolean[] holds = new boolean[n];
            double common = Normal.quantile(rng.uniform(Streams.CONDITIONS));
            double a = Math.sqrt(m.correlation);
            double b = Math.sqrt(1 - m.correlation);
            for (int c = 0; c < n; c++) holds[c] = a * common + b * Normal.quantile(rng.uniform(Streams.CONDITIONS)) < m.conditionThreshold[c];
            return holds;
        }

        /**
         * The fitted baseline over [t0, t1], times the fitted pko hazard ratio once the force is deployed and the
         * bounded multipliers for recent violations, a stall and a missed deadline (see {@link CollapseHazard}).
         */
        private boolean collapses(int step, double t0, double t1, int violations, double deployed) {
            if (hazard[step] <= 0) return false;
            boolean peacekeepers = deployed >= m.intermediateFrom;
            deadlines.update(s, t1);
            double stallStart = lastChange + collapseHazard.stallDays;
            boolean plainStep = violations == 0 && stallStart >= t1 && (deadlines.until <= t0 || deadlines.from >= t1);
            if (plainStep) return rng.uniform(Streams.COLLAPSE) < (peacekeepers ? keptPeace[step] : plain[step]);
            double factor = collapseHazard.violations(violations) * (peacekeepers ? collapseHazard.peacekeeping : 1);
            double h = collapseHazard.integral(t0, t1, hazard[step], factor, stallStart, deadlines.from, deadlines.until);
            double u = rng.uniform(Streams.COLLAPSE);
            return u < h && u < -Math.expm1(-h);   // 1 - e^-h <= h: the exact chance is needed only below h
        }

        /** A casualty shock in this step may make contributors leave some days later. */
        private void contributors(double t, double deployed) {
            if (withdrawalAt == Double.POSITIVE_INFINITY && deployed > 0 && rng.uniform(Streams.CONTRIBUTORS) < shock
                    && rng.uniform(Streams.CONTRIBUTORS) < m.withdrawalProbability) {
                withdrawalAt = t + m.withdrawalDelay;
            }
        }

        /** Contributors leave, taking part of the force with them. */
        private void withdraw(double t) {
            for (int o : contributors) work.lose(o, t, 1 - m.withdrawalShare);
            withdrawalAt = Double.POSITIVE_INFINITY;
        }

        /**
         * How far the force contributors' deployment has got (the least advanced of their obligations); 0 if none.
         * Read at the levels the model adds for it (started, {@code intermediate-from}, complete), which is all the
         * hazard and the shocks ask.
         */
        private double deployed() {
            if (contributors.length == 0) return 0;
            double least = 1;
            for (int o : contributors) least = Math.min(least, s.progress[o]);
            return least;
        }

        /**
         * Evaluates the stale gates in dependency order, skipping a gate while the part that decided it last time
         * keeps its value; a gate that opens or closes makes its readers stale and may start or stop what it unlocks.
         */
        private void openGates(double t) {
            for (int rank = stale.next(0); rank >= 0; rank = stale.next(rank + 1)) {   // the others read nothing that changed
                int g = m.gateOrder[rank];
                if (s.gateOpen[g] && m.gateLatch[g]) continue;
                if (guards[g] >= 0 && m.program.part(guards[g], s) == s.gateOpen[g]) continue;   // what decided it still holds
                int decision = m.program.decide(g, s);
                boolean now = (decision & 1) == 1;
                guards[g] = decision >> 1;
                if (now == s.gateOpen[g]) continue;
                s.gateOpen[g] = now;
                stale.gate(g);
                work.gateChanged(g);
                if (now) {
                    s.gateOpenedDay[g] = t;
                    lastChange = t;
                    wake(triggers.afterGate()[g], t);
                    if (Double.isNaN(gateOpened[g])) gateOpened[g] = t;
                }
            }
        }

        /** Marks the phases that are complete now; a phase that requires others waits for them. */
        private void phases(double t) {
            boolean again = true;
            while (again) {
                again = false;
                for (int p = 0; p < phaseDone.length; p++) {
                    if (Double.isNaN(phaseDone[p]) && complete(p)) {
                        phaseDone[p] = t;
                        again = true;
                    }
                }
            }
        }

        private boolean complete(int phase) {
            for (int r : m.phaseRequires[phase]) if (Double.isNaN(phaseDone[r])) return false;
            for (int o : m.phaseRequired[phase]) if (s.progress[o] < 1) return false;
            return m.phaseRequired[phase].length > 0;
        }

        /** Closed gates that lock something the focus phase still needs: where this run got stuck. */
        private long blockers() {
            if (!Double.isNaN(phaseDone[m.focusPhase])) return 0L;
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
