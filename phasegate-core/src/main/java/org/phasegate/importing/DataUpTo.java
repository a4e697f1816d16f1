package org.phasegate.importing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.phasegate.evidence.EvidenceRecord;

/**
 * How far the imported data a measure reads goes: the measure, its dataset, the rows counted (their import's state
 * counts) and not counted, the last period the counted rows cover and its last day, and the imports' states. Status
 * and forecast outputs (text and JSON, CLI and API) carry one per import measure, so every figure says which date its
 * imported data runs to; {@code read} is false when the output did not read the store (evidence from a file).
 */
public record DataUpTo(String measure, String dataset, boolean read, long counted, long notCounted, Optional<String> lastPeriod,
                       Optional<LocalDate> lastDay, String state) {
    public DataUpTo {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(lastPeriod, "lastPeriod");
        Objects.requireNonNull(lastDay, "lastDay");
        Objects.requireNonNull(state, "state");
        if (counted < 0 || notCounted < 0) throw new IllegalArgumentException("row counts cannot be negative");
        if (lastPeriod.isPresent() != lastDay.isPresent()) throw new IllegalArgumentException("a last period needs its last day, and the other way round");
    }

    /** The line for a measure whose data was not read (the evidence came from a file, not the store). */
    public static DataUpTo notRead(String measure, String dataset) {
        return new DataUpTo(measure, dataset, false, 0, 0, Optional.empty(), Optional.empty(), "");
    }

    /**
     * The line as of {@code at}: only the counted rows whose period had ended by then ({@code imported}: the rows the
     * gate engine reads, each dated at the end of its period), so a status or forecast as of an earlier date names
     * the last period it could know. {@code notCounted} stays the store's count whatever the date (those rows count
     * in no measure). A line that was not read is returned as it is.
     */
    public DataUpTo asOf(List<EvidenceRecord> imported, Instant at) {
        if (!read) return this;
        long rows = 0;
        EvidenceRecord last = null;
        for (var r : imported) {
            if (!dataset.equals(r.attributes().get(ImportedRow.DATASET_ATTRIBUTE)) || r.time().isAfter(at)) continue;
            rows++;
            if (last == null || r.time().isAfter(last.time())) last = r;
        }
        var day = Optional.ofNullable(last).map(DataUpTo::day);
        var period = Optional.ofNullable(last).map(r -> r.attributes().getOrDefault(ImportedRow.PERIOD_ATTRIBUTE, day(r).toString()));
        return new DataUpTo(measure, dataset, true, rows, notCounted, period, day, state);
    }

    /** Each line as of {@code at} (see {@link #asOf(List, Instant)}). */
    public static List<DataUpTo> asOf(List<DataUpTo> lines, List<EvidenceRecord> imported, Instant at) {
        return lines.stream().map(d -> d.asOf(imported, at)).toList();
    }

    /** For each dataset, the last day of the imported rows dated at or before {@code at} (empty: none yet), sorted by dataset. */
    public static Map<String, Optional<LocalDate>> lastDays(Collection<String> datasets, List<EvidenceRecord> imported, Instant at) {
        var out = new TreeMap<String, Optional<LocalDate>>();
        for (var d : datasets) out.put(d, Optional.empty());
        for (var r : imported) {
            var d = r.attributes().get(ImportedRow.DATASET_ATTRIBUTE);
            if (d == null || !out.containsKey(d) || r.time().isAfter(at)) continue;
            var day = day(r);
            if (out.get(d).isEmpty() || day.isAfter(out.get(d).get())) out.put(d, Optional.of(day));
        }
        return out;
    }

    /** {@code {"DATASET": "2026-03-31" or null, ...}} into {@code n}. */
    public static void json(ObjectNode n, Map<String, Optional<LocalDate>> lastDays) {
        lastDays.forEach((d, day) -> n.put(d, day.map(LocalDate::toString).orElse(null)));
    }

    /** The day an imported row's period ends: the rows are dated at its last second (UTC). */
    private static LocalDate day(EvidenceRecord r) {
        return r.time().atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** {@code imported data: measure M reads D: ...}, as status and forecast print it before their report. */
    public String line() {
        return "imported data: measure " + measure + " reads " + dataset + ": " + describe();
    }

    private String describe() {
        if (!read) return "not read (the evidence came from a file; read the store, e.g. --from-store, to count imported series)";
        if (counted + notCounted == 0) return "no rows imported (see: phasegate import --help); the measure counts 0";
        var c = counted == 0 ? "no rows counted" : String.format("%,d rows counted, data up to %s", counted, lastPeriod.orElse("?"));
        var left = notCounted == 0 ? "" : String.format("; %,d rows not counted (their import is only reported, or not a record)", notCounted);
        return c + left + " (import state " + state + ")";
    }

    /** Each as an object of {@code array}: measure, dataset, read, rows, notCounted, lastPeriod and lastDay (null when none), state. */
    public static void json(ArrayNode array, List<DataUpTo> lines) {
        for (var d : lines) {
            var n = array.addObject().put("measure", d.measure).put("dataset", d.dataset).put("read", d.read).put("rows", d.counted)
                    .put("notCounted", d.notCounted);
            n.put("lastPeriod", d.lastPeriod.orElse(null)).put("lastDay", d.lastDay.map(LocalDate::toString).orElse(null)).put("state", d.state);
        }
    }
}
