package org.phasegate.gate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.OptionalDouble;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.importing.ImportedRow;
import org.phasegate.scenario.Context;
import org.phasegate.scenario.Measure;

/**
 * A context series at one time: the measure's total over the window ({@code from}, {@code to}] (the status date),
 * the rows or records in it, and how far its data goes ({@code dataEnd}, {@code dataUpTo}: the last one counted at
 * or before {@code to}). An imported row counts once its period has ended, so a window holds the rows whose period
 * ended in it. For a measure over imported rows the total is unknown (empty), never 0, when no row reaches the
 * window: nothing imported, the store not read, or the data ending before the window starts. Shown only; it changes
 * no status.
 */
public record ContextState(Context context, Measure measure, Instant from, Instant to, OptionalDouble total, int rows,
                           Optional<String> firstPeriod, Optional<String> lastPeriod, Optional<Instant> dataEnd, Optional<String> dataUpTo,
                           SortedMap<String, Double> byValue) {

    public ContextState {
        byValue = Collections.unmodifiableSortedMap(new TreeMap<>(byValue));
    }

    /** From the records the measure counts (time order) and their total over the window. */
    static ContextState of(Context c, Measure m, List<EvidenceRecord> counted, double totalInWindow, Instant to) {
        var from = to.minus(c.window());
        var inWindow = counted.stream().filter(r -> r.time().isAfter(from) && !r.time().isAfter(to)).toList();
        var last = counted.stream().filter(r -> !r.time().isAfter(to)).reduce((a, b) -> b);
        boolean unknown = m.imported().isPresent() && last.map(r -> !r.time().isAfter(from)).orElse(true);
        return new ContextState(c, m, from, to, unknown ? OptionalDouble.empty() : OptionalDouble.of(totalInWindow), inWindow.size(),
                inWindow.stream().findFirst().map(ContextState::period), inWindow.stream().reduce((a, b) -> b).map(ContextState::period),
                last.map(EvidenceRecord::time), last.map(ContextState::period), unknown ? new TreeMap<>() : split(c, m, inWindow));
    }

    /** The window's rows summed (or counted) per value of the context's {@code by} attribute; empty without one. */
    private static SortedMap<String, Double> split(Context c, Measure m, List<EvidenceRecord> inWindow) {
        var out = new TreeMap<String, Double>();
        c.by().ifPresent(attribute -> inWindow.forEach(r -> out.merge(r.attributes().getOrDefault(attribute, "(no " + attribute + ")"),
                m.quantity().map(r::quantity).orElse(1.0), Double::sum)));
        return out;
    }

    public boolean imported() {
        return measure.imported().isPresent();
    }

    /** Whole days at the window's end that the data does not reach yet (0 for monitors' records: absence is their news). */
    public long uncoveredDays() {
        if (!imported() || dataEnd.isEmpty()) return 0;
        return Math.max(0, Duration.between(dataEnd.get(), to).toDays());
    }

    /** An imported row's period label ({@code 2026-04}); a record's day. */
    private static String period(EvidenceRecord r) {
        return Optional.ofNullable(r.attributes().get(ImportedRow.PERIOD_ATTRIBUTE))
                .orElseGet(() -> r.time().atZone(ZoneOffset.UTC).toLocalDate().toString());
    }

    /**
     * "conflict fatalities in Gaza (ACLED, all actors): 231 persons in 2026-03 to 2026-04 (10 rows: the periods that ended
     * in the 90 days to 2026-06-01); data up to 2026-04, so the window's last 31 days are not in the data yet".
     */
    public String describe() {
        var out = new StringBuilder(context.name()).append(": ");
        String window = days(context.window()) + " to " + day(to);
        if (total.isEmpty()) {
            if (dataEnd.isEmpty()) {
                return out.append("unknown, not 0: no counted rows of ").append(measure.imported().orElseThrow()).append(" up to ").append(day(to))
                        .append(" (none imported, their import only reported, or the store not read)").toString();
            }
            return out.append("unknown in the ").append(window).append(", not 0: the data ends ").append(dataEnd.get().atZone(ZoneOffset.UTC).toLocalDate())
                    .append(" (data up to ").append(dataUpTo.orElseThrow()).append("), before the window starts").toString();
        }
        if (imported()) {
            // the total is of whole periods, which may start before the window: name the periods, not only the window
            out.append(amount(total.getAsDouble())).append(' ').append(measure.unit());
            if (rows == 0) out.append(": no period ended in the ").append(window);
            else out.append(" in ").append(firstPeriod.orElseThrow()).append(rows == 1 || firstPeriod.equals(lastPeriod) ? "" : " to " + lastPeriod.orElseThrow())
                    .append(String.format(" (%,d %s: the periods that ended in the %s)", rows, rows == 1 ? "row" : "rows", window));
            out.append("; data up to ").append(dataUpTo.orElseThrow());
            long gap = uncoveredDays();
            if (gap > 0) out.append(", so the window's last ").append(gap).append(gap == 1 ? " day is" : " days are").append(" not in the data yet");
            return out.append(split()).toString();
        }
        out.append(amount(total.getAsDouble())).append(' ').append(measure.unit()).append(" in the ").append(window);
        out.append(" (").append(rows).append(rows == 1 ? " verified record)" : " verified records)");
        return out.append(dataUpTo.map(d -> "; latest record " + d).orElse("; no verified record so far")).append(split()).toString();
    }

    /** "; by admin2: Deir El Balah 73, Gaza City 66, ..." (nothing without {@code by} or rows). */
    private String split() {
        if (byValue.isEmpty()) return "";
        var parts = byValue.entrySet().stream().map(e -> e.getKey() + " " + amount(e.getValue())).toList();
        return "; by " + context.by().orElseThrow() + ": " + String.join(", ", parts);
    }

    private static String days(Duration d) {
        return d.toHours() % 24 == 0 ? d.toDays() + " days" : d.toHours() + " hours";
    }

    /** A midnight as its date, any other instant in full. */
    static String day(Instant t) {
        return t.getEpochSecond() % 86400 == 0 ? t.atZone(ZoneOffset.UTC).toLocalDate().toString() : t.toString();
    }

    private static String amount(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format("%,d", (long) v) : String.format("%,.2f", v);
    }
}
