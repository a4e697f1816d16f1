package org.phasegate.cli;

import java.util.regex.Pattern;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import org.phasegate.problem.Quote;

/** Reads {@code --every}: a number of days ({@code 7d}) or weeks ({@code 2w}). */
final class Every {
    private static final Pattern FORMAT = Pattern.compile("([0-9]{1,5})([dw])");

    /** With no --every, at most this many as-of dates: two years of weeks. */
    static final int MAX_DEFAULT_DATES = 104;

    private Every() {
    }

    static int days(String text) {
        var m = FORMAT.matcher(text.strip());
        int days = m.matches() ? Integer.parseInt(m.group(1)) * (m.group(2).equals("w") ? 7 : 1) : 0;
        if (days < 1) {
            throw new InvalidInputException(new Problem("--every " + Quote.of(text), 0, 0, "not a positive number of days or weeks",
                    "e.g. --every 7d or --every 2w"));
        }
        return days;
    }

    /** A week, or the fewest whole weeks that keep the as-of dates from {@code from} to {@code until} to {@link #MAX_DEFAULT_DATES}. */
    static int defaultDays(java.time.Instant from, java.time.Instant until) {
        return org.phasegate.backtest.Plan.everyDaysFor(from, until, MAX_DEFAULT_DATES);
    }
}
