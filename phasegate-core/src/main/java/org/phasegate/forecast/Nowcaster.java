package org.phasegate.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.gate.GateEngine;
import org.phasegate.nowcast.Checkpoint;
import org.phasegate.nowcast.Likelihood;
import org.phasegate.nowcast.Observation;
import org.phasegate.nowcast.Resampling;
import org.phasegate.scenario.Scenario;

/**
 * A nowcast: the forecast conditioned on the verified history by sequential importance resampling over runs.
 *
 * <p>Design note. Runs start from the verified state at an origin before the as-of date D (moved back by less than a
 * step so that D falls on a step). At each checkpoint (every {@code everyDays}, and D) every run is weighed by the
 * likelihood ({@link Likelihood}) of the verified events of the stretch before it ({@link Observation}), then the
 * runs are resampled (systematic) and each copy continues with fresh random streams. No run's state is copied: a
 * run is a pure function of its lineage (its first seed, then one seed per checkpoint it was resampled at), so a
 * checkpoint replays each lineage from the origin. This costs checkpoints × runs × the stretch, and makes every
 * result depend only on the seed, never on the threads. Leaves no run can move (statements, declared events) follow
 * their verified values up to D ({@link Forcing}). Everything the nowcast reads is dated at or before D.
 */
public final class Nowcaster {

    /**
     * Runs from the verified state at {@code from} (moved back to fall a whole number of steps before {@code asOf}),
     * checkpoints every {@code everyDays} and at {@code asOf}; the collapse is read from a holding gate (open while the
     * ceasefire holds) when one is named, else taken not to have happened by {@code asOf}, as a forecast from there takes it.
     */
    public Nowcast nowcast(Scenario s, List<EvidenceRecord> records, AssumptionSet set, Instant from, Instant asOf,
                           double everyDays, Optional<String> holdingGate, Likelihood likelihood, ForecastOptions o, LongConsumer progress) {
        return nowcast(s, records, List.of(), set, from, asOf, everyDays, holdingGate, likelihood, o, progress);
    }

    /**
     * As above, with the imported series the scenario's import measures read ({@code imported}: the rows that count,
     * each dated at the end of its period): the verified history the runs are weighed against comes from the same
     * status evaluation as {@code status} and the forecast, so a gate opened by imported rows is observed when their
     * period ended; rows dated after {@code asOf} are not read.
     */
    public Nowcast nowcast(Scenario s, List<EvidenceRecord> records, List<EvidenceRecord> imported, AssumptionSet set, Instant from, Instant asOf,
                           double everyDays, Optional<String> holdingGate, Likelihood likelihood, ForecastOptions o, LongConsumer progress) {
        if (from.isAfter(asOf)) throw new IllegalArgumentException("the nowcast starts at " + from + ", after its as-of date " + asOf);
        if (!(everyDays > 0)) throw new IllegalArgumentException("checkpoints must be a positive number of days apart, got " + everyDays);
        double dt = o.stepDays();
        int n = steps(from, asOf, dt);
        Instant origin = asOf.minusSeconds(Math.round(n * dt * 86400));
        var engine = new GateEngine(s);
        var known = imported.stream().filter(r -> !r.time().isAfter(asOf)).toList();
        var originReport = engine.status(records, known, origin);
        var asOfReport = engine.status(records, known, asOf);
        var start = closedBy(StartingState.of(s, originReport, records, known), StartingState.of(s, asOfReport, records, known));
        var model = new Model(s, start, set, o.focusPhase(), Forcing.of(s, records, known, origin, asOf));
        var facts = Facts.of(model, Observation.of(asOfReport, originReport, holdingGate), origin);
        int total = n + Forecaster.steps(asOf, o);
        var sim = new Simulation(model, total, dt, total);
        var done = new AtomicLong();
        var pool = new ForkJoinPool(o.threads());
        try {
            var particles = new Particles(o.seed(), o.runs());
            var checkpoints = new ArrayList<Checkpoint>();
            var broken = new ArrayList<Instant>();
            int prev = 0;
            for (int mark : marks(n, every(everyDays, dt))) {
                int k = checkpoints.size();
                double lo = prev == 0 ? Double.NEGATIVE_INFINITY : prev * dt;
                double hi = mark * dt;
                double[] logw = new double[o.runs()];
                boolean[] agrees = new boolean[o.runs()];
                boolean[] breaks = new boolean[o.runs()];
                var lineage = particles;
                parallel(pool, o, sim, (runner, i) -> {
                    var r = runner.run(lineage.seeds(i), lineage.reseedAt(), mark);
                    double[] completed = runner.completed();
                    logw[i] = facts.logLikelihood(r, completed, lo, hi, likelihood);
                    agrees[i] = facts.misses(r, completed, lo, hi) == 0;
                    breaks[i] = facts.breaksPremise(r, lo, hi);
                }, done, progress);
                if (!drop(logw, breaks)) broken.add(instant(origin, hi));
                double[] w = Resampling.normalise(logw);
                int agreeing = 0;
                for (boolean a : agrees) if (a) agreeing++;
                checkpoints.add(new Checkpoint(instant(origin, hi), facts.events(lo, hi), Resampling.effectiveSampleSize(w), agreeing, o.runs()));
                particles = particles.resampled(Resampling.systematic(w, 1 - uniform(o.seed(), k)), mark, k);
                prev = mark;
            }
            var tally = tally(pool, o, model, sim, particles, origin, total, done, progress);
            return result(model, origin, asOf, o, everyDays, holdingGate, likelihood, checkpoints, broken, particles.origins(), tally);
        } finally {
            pool.shutdown();
        }
    }

    /** How many runs a nowcast simulates in all: each run once per checkpoint, and once to the horizon (for a progress bar). */
    public static long work(Instant from, Instant asOf, double everyDays, double stepDays, int runs) {
        return (long) runs * (marks(steps(from, asOf, stepDays), every(everyDays, stepDays)).length + 1);
    }

    private static int steps(Instant from, Instant asOf, double dt) {
        return (int) Math.ceil((asOf.getEpochSecond() - from.getEpochSecond()) / 86400.0 / dt - 1e-9);
    }

    private static int every(double everyDays, double dt) {
        return Math.max(1, (int) Math.round(everyDays / dt));
    }

    /**
     * The origin's state with the obligations whose total a verified record had declared final by the as-of date: such an
     * obligation never completes (its total stays short of the target), so no run may complete it before that record either.
     */
    private static StartingState closedBy(StartingState origin, StartingState asOf) {
        var closed = new java.util.HashSet<>(origin.closed());
        closed.addAll(asOf.closed());
        return new StartingState(origin.asOf(), origin.progress(), origin.completedAt(), origin.gateOpenedAt(), origin.leafMet(),
                origin.lastRecord(), origin.workingSince(), closed, origin.amendedDeadlines());
    }

    /** Checkpoint steps: every {@code every} steps before the as-of step, then the as-of step itself. */
    static int[] marks(int n, int every) {
        if (n == 0) return new int[0];
        return IntStream.concat(IntStream.iterate(every, k -> k < n, k -> k + every), IntStream.of(n)).toArray();
    }

    private static double uniform(long seed, int checkpoint) {
        return (Streams.runSeed(seed, -1L - checkpoint) >>> 11) * 0x1.0p-53;
    }

    private static Instant instant(Instant origin, double days) {
        return origin.plusSeconds(Math.round(days * 86400));
    }

    private interface Work {
        void run(Simulation.Run runner, int particle);
    }

    private static void parallel(ForkJoinPool pool, ForecastOptions o, Simulation sim, Work work, AtomicLong done, LongConsumer progress) {
        int runs = o.runs();
        int chunk = Math.max(256, runs / (o.threads() * 32));
        int chunks = (runs + chunk - 1) / chunk;
        IntConsumer body = c -> {
            var runner = sim.runner();
            int end = Math.min(runs, (c + 1) * chunk);
            for (int i = c * chunk; i < end; i++) work.run(runner, i);
            progress.accept(done.addAndGet(end - c * chunk));
        };
        try {
            pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(body)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("nowcast interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static Tally tally(ForkJoinPool pool, ForecastOptions o, Model m, Simulation sim, Particles particles, Instant origin,
                               int total, AtomicLong done, LongConsumer progress) {
        double[] byDays = o.by().stream().mapToDouble(d -> Forecaster.daysTo(origin, d)).toArray();
        var results = new RunResult[o.runs()];
        parallel(pool, o, sim, (runner, i) -> results[i] = runner.run(particles.seeds(i), particles.reseedAt(), total), done, progress);
        var t = new Tally(m.phaseIds.length, m.gates(), byDays, total, o.stepDays());
        for (var r : results) t.add(r);
        return t;
    }

    private static Nowcast result(Model m, Instant origin, Instant asOf, ForecastOptions o, double everyDays, Optional<String> holdingGate, Likelihood likelihood,
                                  List<Checkpoint> checkpoints, List<Instant> broken, int origins, Tally t) {
        // the runs' latent draws (conditions, durations already drawn) are never renewed, so the smallest ESS bounds how many
        // distinct ones survive: the standard error counts that many runs, not the last checkpoint's
        double ess = Math.max(1, checkpoints.stream().mapToDouble(Checkpoint::ess).min().orElse(o.runs()));
        var phases = new ArrayList<Nowcast.Line>();
        for (int p = 0; p < m.phaseIds.length; p++) phases.add(new Nowcast.Line(m.phaseIds[p], m.scenario.phases().get(p).name(), by(t, p, o.by(), ess)));
        var gates = new ArrayList<Nowcast.Line>();
        for (int g = 0; g < m.gates(); g++) gates.add(new Nowcast.Line(m.gateIds[g], m.scenario.gates().get(g).name(), by(t, m.phaseIds.length + g, o.by(), ess)));
        return new Nowcast(origin, asOf, o.seed(), o.runs(), everyDays, holdingGate, likelihood, checkpoints, origins, warning(checkpoints, broken, o.runs()),
                phases, gates, by(t, t.collapse, o.by(), ess));
    }

    private static List<Forecast.Estimate> by(Tally t, int series, List<LocalDate> dates, double ess) {
        var out = new ArrayList<Forecast.Estimate>();
        for (int i = 0; i < dates.size(); i++) {
            double p = (double) t.by(series, i) / t.runs();
            out.add(new Forecast.Estimate(dates.get(i), p, Math.sqrt(p * (1 - p) / ess)));
        }
        return out;
    }

    /** Drops the runs that broke the premise (weight 0), unless every run did; false then (the premise could not be kept). */
    private static boolean drop(double[] logw, boolean[] breaks) {
        boolean anyKept = false;
        for (boolean b : breaks) anyKept |= !b;
        if (!anyKept) return false;
        for (int i = 0; i < logw.length; i++) if (breaks[i]) logw[i] = Double.NEGATIVE_INFINITY;
        return true;
    }

    static Optional<String> warning(List<Checkpoint> checkpoints, List<Instant> broken, int runs) {
        var parts = new ArrayList<String>();
        essWarning(checkpoints, runs).ifPresent(parts::add);
        var none = checkpoints.stream().filter(c -> c.agreeing() == 0).map(c -> c.at().toString()).toList();
        if (!none.isEmpty()) {
            parts.add("no run agreed with every verified fact (whether each event happened, and the collapse) at " + String.join(", ", none)
                    + ": there the weights rest on timing and the mismatch probability alone, so the model or the assumption set does not fit what happened");
        }
        if (!broken.isEmpty()) {
            parts.add("every run had collapsed by " + broken.get(0) + ", although the nowcast takes the plan to be running at the as-of date (no --holding-gate):"
                    + " its collapse figures describe the model, not the plan");
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
    }

    private static Optional<String> essWarning(List<Checkpoint> checkpoints, int runs) {
        return checkpoints.stream().min(java.util.Comparator.comparingDouble(Checkpoint::ess))
                .filter(c -> c.essShare() < Nowcast.ESS_WARNING)
                .map(c -> String.format(java.util.Locale.ROOT,
                        "the effective sample size fell to %.1f of %d runs (%.1f%%, below %.0f%%) at %s: few simulated histories agree with the"
                        + " verified one, so the nowcast rests on a few distinct runs and its numbers are less certain than their standard"
                        + " errors say; the model or the assumption set may not fit what happened", c.ess(), runs, 100 * c.essShare(),
                        100 * Nowcast.ESS_WARNING, c.at()));
    }

    /** Each run's lineage: its first seed and one fresh seed per checkpoint at which it was resampled. */
    private record Particles(long seed, long[][] lineage, int[] reseedAt) {
        Particles(long seed, int runs) {
            this(seed, IntStream.range(0, runs).mapToObj(i -> new long[] {Streams.runSeed(seed, i)}).toArray(long[][]::new), new int[0]);
        }

        long[] seeds(int i) {
            return lineage[i];
        }

        /** How many distinct runs from the origin the resampled runs descend from. */
        int origins() {
            return (int) java.util.Arrays.stream(lineage).mapToLong(l -> l[0]).distinct().count();
        }

        /** Run i continues the history of run {@code ancestor[i]} and draws afresh from step {@code mark} on. */
        Particles resampled(int[] ancestor, int mark, int checkpoint) {
            long fresh = Streams.runSeed(seed, Long.MIN_VALUE + checkpoint);
            var next = new long[lineage.length][];
            for (int i = 0; i < next.length; i++) {
                next[i] = Arrays.copyOf(lineage[ancestor[i]], lineage[ancestor[i]].length + 1);
                next[i][next[i].length - 1] = Streams.runSeed(fresh, i);
            }
            var marks = Arrays.copyOf(reseedAt, reseedAt.length + 1);
            marks[marks.length - 1] = mark;
            return new Particles(seed, next, marks);
        }
    }
}
