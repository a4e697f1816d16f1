package org.phasegate.scenario;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.phasegate.evidence.EventsReader;

/** Parses time references: an ISO date or instant, or {@code anchor [+|- N(h|d|w)]}. */
final class TimeRefs {
    private static final Pattern RELATIVE = Pattern.compile("([a-z0-9][a-z0-9-]*)\\s*(?:([+-])\\s*(\\d{1,6})\\s*([hdw]))?");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*([hdw])");

    private TimeRefs() {
    }

    static Optional<TimeRef> parse(String text) {
        String t = text.trim();
        var absolute = EventsReader.parseTime(t);
        if (absolute.isPresent()) return Optional.of(new TimeRef.Absolute(absolute.get()));
        var m = RELATIVE.matcher(t);
        if (!m.matches() || Character.isDigit(t.charAt(0)) && t.contains("-") && m.group(2) == null) return Optional.empty();
        if (m.group(2) == null) return Optional.of(new TimeRef.Relative(m.group(1), Duration.ZERO));
        Duration d = duration(Long.parseLong(m.group(3)), m.group(4));
        return Optional.of(new TimeRef.Relative(m.group(1), m.group(2).equals("-") ? d.negated() : d));
    }

    static Optional<Duration> parseDuration(String text) {
        var m = DURATION.matcher(text.trim());
        return m.matches() ? Optional.of(duration(Long.parseLong(m.group(1)), m.group(2))) : Optional.empty();
    }

    private static Duration duration(long amount, String unit) {
        return switch (unit) {
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
        };
    }
}
