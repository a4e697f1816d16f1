package org.phasegate.backtest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When a backtest forecasts and how far ahead: an as-of date every {@code everyDays} from {@code from} while not
 * after {@code until} (the evaluation time: questions resolve from what was verified by then), each asking about
 * every horizon in {@code horizonDays}.
 */
public record Plan(Instant from, Instant until, int everyDays, List<Integer> horizonDays) {

    public Plan {
        horizonDays = List.copyOf(horizonDays);
        if (until.isBefore(from)) throw new IllegalArgumentException("the evaluation time " + until + " is before the first as-of date " + from);
        if (everyDays < 1) throw new IllegalArgumentException("the interval between forecasts must be at least 1 day, not " + everyDays);
        if (horizonDays.isEmpty()) throw new IllegalArgumentException("a backtest needs at least one horizon");
        for (int h : horizonDays) if (h < 1) throw new IllegalArgumentException("a horizon must be at least 1 day, not " + h);
        if (horizonDays.stream().distinct().count() != horizonDays.size()) throw new IllegalArgumentException("horizons repeat: " + horizonDays);
    }

    /**
     * A week, or the fewest whole weeks that keep the as-of dates from {@code from} to {@code until} to
     * {@code maxDates} (the CLI's default {@code --every}; the forecast page's history).
     */
    public static int everyDaysFor(Instant from, Instant until, int maxDates) {
        long weeks = Duration.between(from, until).toDays() / 7 + 1;
        return 7 * (int) Math.max(1, (weeks + maxDates - 1) / maxDates);
    }

    /** from, from + every, ... up to until. */
    public List<Instant> asOfDates() {
        var out = new ArrayList<Instant>();
        for (Instant t = from; !t.isAfter(until); t = t.plus(Duration.ofDays(everyDays))) out.add(t);
        return out;
    }
}
