package org.phasegate.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import org.phasegate.scenario.Scenario;

/**
 * Monte Carlo forecast of a scenario from a verified starting state under one assumption set.
 *
 * <p>Design note. Each run draws from its own streams, seeded from (seed, run index) alone, and writes its result
 * into slot i of an array; every statistic is then computed sequentially over that array. So the same seed gives
 * bit-identical results whatever the number of threads or the order in which they pick up runs. The sensitivity
 * analysis reuses the same streams for the low and the high value of each assumption (common random numbers), and
 * each source of randomness has a stream of its own ({@link Streams}), so the difference it reports comes from
 * the change, not from draws shifted between sources.
 */
public final class Forecaster {

    /** Runs the forecast; {@code progress} receives the number of runs done so far (from any thread). */
    public Forecast forecast(Scenario scenario, StartingState start, AssumptionSet set, ForecastOptions options,
                             LongConsumer progress) {
        var model = new Model(scenario, start, set, options.focusPhase());
        int steps = steps(start.asOf(), options);
        var done = new AtomicLong();
        LongConsumer tick = n -> progress.accept(done.addAndGet(n));
        var pool = new ForkJoinPool(options.threads());
        try {
            var tally = simulate(pool, model, steps, options, options.runs(), options.by(), tick);
            var sensitivity = sensitivity(pool, scenario, start, set, options, steps, tick);
            return summarise(model, set, options, steps, tally, sensitivity);
        } finally {
            pool.shutdown();
        }
    }

    public Forecast forecast(Scenario scenario, StartingState start, AssumptionSet set, ForecastOptions options) {
        return forecast(scenario, start, set, options, n -> { });
    }

    static int steps(Instant asOf, ForecastOptions o) {
        double days = o.horizonDays();
        for (LocalDate d : o.by()) days = Math.max(days, daysTo(asOf, d));
        return (int) Math.ceil(days / o.stepDays());
    }

    /** Days from the start to the end of {@code date} (UTC). */
    static double daysTo(Instant asOf, LocalDate date) {
        return (date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() - asOf.getEpochSecond()) / 86400.0;
    }

    private static Tally simulate(ForkJoinPool pool, Model model, int steps, ForecastOptions o, int runs,
                                  List<LocalDate> dates, LongConsumer tick) {
        double dt = o.stepDays();
        var sim = new Simulation(model, steps, dt, stepsBy(model.asOf(), sensitivityDate(model.asOf(), o, steps), dt));
        double[] byDays = dates.stream().mapToDouble(d -> daysTo(model.asOf(), d)).toArray();
        var total = new Tally(model.phaseIds.length, model.gates(), byDays, steps, dt);
        int chunk = Math.max(256, runs / (o.threads() * 32));
        int chunks = (runs + chunk - 1) / chunk;
        try {
            pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(c -> {
                int end = Math.min(runs, (c + 1) * chunk);
                var runner = sim.runner();
                var part = new Tally(model.phaseIds.length, model.gates(), byDays, steps, dt);
                for (int i = c * chunk; i < end; i++) part.add(runner.run(Streams.runSeed(o.seed(), i)));
                total.merge(part);
                tick.accept(end - c * chunk);
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("forecast interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return total;
    }

    /** Every assumption with a range to vary. */
    private static List<Assumed> varied(AssumptionSet set) {
        return set.assumptions().stream().filter(a -> a.high() > a.low()).toList();
    }

    private static List<Forecast.Sensitivity> sensitivity(ForkJoinPool pool, Scenario scenario, StartingState start,
                                                          AssumptionSet set, ForecastOptions o, int steps, LongConsumer tick) {
        if (o.sensitivityRuns() == 0) return List.of();
        LocalDate date = sensitivityDate(start.asOf(), o, steps);
        var out = new ArrayList<Forecast.Sensitivity>();
        for (Assumed a : varied(set)) {
            double low = share(pool, scenario, start, set.with(a.id(), a.low()), o, steps, date, tick);
            double high = share(pool, scenario, start, set.with(a.id(), a.high()), o, steps, date, tick);
            out.add(new Forecast.Sensitivity(a.id(), a.kind(), a.low(), a.high(), low, high));
        }
        out.sort(Comparator.comparingDouble((Forecast.Sensitivity s) -> -Math.abs(s.delta())).thenComparing(Forecast.Sensitivity::id));
        return out;
    }

    private static double share(ForkJoinPool pool, Scenario scenario, StartingState start, AssumptionSet set,
                                ForecastOptions o, int steps, LocalDate date, LongConsumer tick) {
        var model = new Model(scenario, start, set, o.focusPhase());
        var tally = simulate(pool, model, steps, o, o.sensitivityRuns(), List.of(date), tick);
        return (double) tally.by(model.focusPhase, 0) / tally.runs();
    }

    /** The date the tornado and the failure paths look at: as asked, else the end of the horizon. */
    static LocalDate sensitivityDate(Instant asOf, ForecastOptions o, int steps) {
        return o.sensitivityDate().orElse(date(asOf, steps * o.stepDays()));
    }

    static int stepsBy(Instant asOf, LocalDate date, double stepDays) {
        return (int) Math.floor(daysTo(asOf, date) / stepDays + 1e-9);
    }

    private static Forecast summarise(Model m, AssumptionSet set, ForecastOptions o, int steps, Tally t,
                                      List<Forecast.Sensitivity> sensitivity) {
        Instant asOf = m.asOf();
        LocalDate horizon = date(asOf, steps * o.stepDays());
        var phases = new ArrayList<Forecast.PhaseOutlook>();
        for (int p = 0; p < m.phaseIds.length; p++) {
            var q = quantiles(t, p, asOf);
            phases.add(new Forecast.PhaseOutlook(m.phaseIds[p], m.scenario.phases().get(p).name(), outlook(t, p, asOf, o), q[0], q[1], q[2]));
        }
        var collapse = outlook(t, t.collapse, asOf, o);
        var gates = new ArrayList<Forecast.GateOutlook>();
        for (int g = 0; g < m.gates(); g++) {
            int series = m.phaseIds.length + g;
            var q = quantiles(t, series, asOf);
            gates.add(new Forecast.GateOutlook(m.gateIds[g], m.scenario.gates().get(g).name(), m.startOpen[g],
                    estimate(t.within(series), t.runs(), horizon), by(t, series, o), q[0], q[1], q[2]));
        }
        return new Forecast(m.scenario.id(), set.name(), o.seed(), o.runs(), o.stepDays(), asOf, horizon,
                m.phaseIds[m.focusPhase], set.assumptions(), phases, collapse, fallback(m, t, asOf, o),
                gates, blockers(m, t), sensitivityDate(asOf, o, steps), sensitivity, m.heldMeasures(), durability(m, set),
                References.of(m, set, collapse, o.stepDays()));
    }

    /** The fallbacks' curve, only when the scenario declares any. */
    private static Optional<Forecast.Fallback> fallback(Model m, Tally t, Instant asOf, ForecastOptions o) {
        if (m.fallbackNames.length == 0) return Optional.empty();
        return Optional.of(new Forecast.Fallback(List.of(m.fallbackNames), outlook(t, t.fallback, asOf, o)));
    }

    private static Forecast.Durability durability(Model m, AssumptionSet set) {
        var w = set.durability().orElseThrow().weibull();
        return new Forecast.Durability(set.durabilityFile(), w.covariates(), w.shape(), m.ceasefireAge, m.ceasefireFrom);
    }

    private static Forecast.Outlook outlook(Tally t, int series, Instant asOf, ForecastOptions o) {
        int[] cumulative = t.curve(series);
        var curve = new ArrayList<Forecast.Estimate>();
        for (int k = 0; k < cumulative.length; k++) curve.add(estimate(cumulative[k], t.runs(), date(asOf, k * o.stepDays())));
        return new Forecast.Outlook(by(t, series, o), curve);
    }

    private static List<Forecast.Estimate> by(Tally t, int series, ForecastOptions o) {
        var out = new ArrayList<Forecast.Estimate>();
        for (int i = 0; i < o.by().size(); i++) out.add(estimate(t.by(series, i), t.runs(), o.by().get(i)));
        return out;
    }

    private static Forecast.Estimate estimate(int hits, int n, LocalDate date) {
        double p = (double) hits / n;
        return new Forecast.Estimate(date, p, Math.sqrt(p * (1 - p) / n));
    }

    @SuppressWarnings("unchecked")
    private static Optional<LocalDate>[] quantiles(Tally t, int series, Instant asOf) {
        Optional<LocalDate>[] q = new Optional[3];
        double[] levels = {0.1, 0.5, 0.9};
        for (int i = 0; i < 3; i++) {
            int day = t.quantileDay(series, levels[i]);
            q[i] = day < 0 ? Optional.empty() : Optional.of(date(asOf, day));
        }
        return q;
    }

    private static List<Forecast.Blocker> blockers(Model m, Tally t) {
        var out = new ArrayList<Forecast.Blocker>();
        for (int g = 0; g < t.blockerGates(); g++) {
            if (t.blockers(g) == 0) continue;
            var e = estimate(t.blockers(g), t.runs(), null);
            out.add(new Forecast.Blocker(m.gateIds[g], e.p(), e.se()));
        }
        out.sort(Comparator.comparingDouble((Forecast.Blocker b) -> -b.share()).thenComparing(Forecast.Blocker::gate));
        return out;
    }

    static LocalDate date(Instant asOf, double days) {
        return asOf.plusSeconds(Math.round(days * 86400)).atZone(ZoneOffset.UTC).toLocalDate();
    }
}
