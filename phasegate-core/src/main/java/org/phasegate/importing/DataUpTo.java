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
import org.phasegate.scenario.Measure;
import org.phasegate.scenario.Scenario;

/**
 * How far the imported data a measure reads goes: the measure, its dataset, the rows counted and not counted (of the
 * rows the measure's filters keep, {@link Measure#readsImported}: counted when the state they count in under the
 * reading scenario's policy counts, {@link org.phasegate.scenario.ImportPolicy#countedAs}), the last period the counted
 * rows cover and its last day, the state they count in ({@code state}) and the state their imports were stored in
 * ({@code importState}, as signed into the ledger), and the rows of the dataset whatever the measure's filters.
 * Status and forecast outputs (text and JSON, CLI and API) carry one per import measure, so every figure says which
 * date its imported data runs to; {@code read} is false when the output did not read the store (evidence from a file).
 */
public record DataUpTo(String measure, String dataset, boolean read, long counted, long notCounted, Optional<String> lastPeriod,
                       Optional<LocalDate> lastDay, String state, String importState, long datasetRows) {
    public DataUpTo {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(lastPeriod, "lastPeriod");
        Objects.requireNonNull(lastDay, "lastDay");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(importState, "importState");
        if (counted < 0 || notCounted < 0 || datasetRows < 0) throw new IllegalArgumentException("row counts cannot be negative");
        if (lastPeriod.isPresent() != lastDay.isPresent()) throw new IllegalArgumentException("a last period needs its last day, and the other way round");
    }

    /** A line whose rows count in the state they were imported in, all of the dataset's rows kept by the measure. */
    public DataUpTo(String measure, String dataset, boolean read, long counted, long notCounted, Optional<String> lastPeriod,
                    Optional<LocalDate> lastDay, String state) {
        this(measure, dataset, read, counted, notCounted, lastPeriod, lastDay, state, state, counted + notCounted);
    }

    /** The line for a measure whose data was not read (the evidence came from a file, not the store). */
    public static DataUpTo notRead(String measure, String dataset) {
        return new DataUpTo(measure, dataset, false, 0, 0, Optional.empty(), Optional.empty(), "", "", 0);
    }

    /**
     * The line as of {@code at}: only the counted rows ({@code imported}: the rows the gate engine reads, each dated at
     * the end of its period) that the measure's filters keep and whose period had ended by then, so a status or
     * forecast as of an earlier date names the last period it could know. {@code notCounted} stays the store's count
     * whatever the date (those rows count in no measure). A line that was not read is returned as it is.
     */
    public DataUpTo asOf(Scenario scenario, List<EvidenceRecord> imported, Instant at) {
        if (!read) return this;
        var m = scenario.measure(measure).orElseThrow(() -> new IllegalArgumentException("the scenario has no measure " + measure));
        long rows = 0;
        EvidenceRecord last = null;
        for (var r : imported) {
            if (r.time().isAfter(at) || !m.readsImported(r)) continue;
            rows++;
            if (last == null || r.time().isAfter(last.time())) last = r;
        }
        var day = Optional.ofNullable(last).map(DataUpTo::day);
        var period = Optional.ofNullable(last).map(r -> ImportedRow.Period.upTo(r.attributes().getOrDefault(ImportedRow.PERIOD_ATTRIBUTE, day(r).toString())));
        return new DataUpTo(measure, dataset, true, rows, notCounted, period, day, state, importState, datasetRows);
    }

    /** Each line as of {@code at} (see {@link #asOf(Scenario, List, Instant)}). */
    public static List<DataUpTo> asOf(List<DataUpTo> lines, Scenario scenario, List<EvidenceRecord> imported, Instant at) {
        return lines.stream().map(d -> d.asOf(scenario, imported, at)).toList();
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
        if (datasetRows == 0) return "no rows imported (see: phasegate import --help); the measure counts 0";
        if (counted + notCounted == 0) {
            return String.format("none of the dataset's %,d rows passes the measure's filters (record type, quantity, where:); the measure counts 0", datasetRows);
        }
        var c = counted == 0 ? "no rows counted" : String.format("%,d rows counted, data up to %s", counted, lastPeriod.orElse("?"));
        var left = notCounted == 0 ? "" : String.format("; %,d rows not counted (their import's state does not count under this scenario's policy)", notCounted);
        return c + left + " (" + states() + ")";
    }

    /** "import state S", and what the rows count as when this scenario's policy caps them lower. */
    private String states() {
        return importState.equals(state) ? "import state " + state
                : "import state " + importState + ", counted as " + state + " under this scenario's policy";
    }

    /**
     * Each as an object of {@code array}: measure, dataset, read, rows, notCounted, lastPeriod and lastDay (null when
     * none), state (the state their imports were signed in, as before), countedAs (the state the rows count in under this
     * scenario's policy) and datasetRows.
     */
    public static void json(ArrayNode array, List<DataUpTo> lines) {
        for (var d : lines) {
            var n = array.addObject().put("measure", d.measure).put("dataset", d.dataset).put("read", d.read).put("rows", d.counted)
                    .put("notCounted", d.notCounted);
            n.put("lastPeriod", d.lastPeriod.orElse(null)).put("lastDay", d.lastDay.map(LocalDate::toString).orElse(null)).put("state", d.importState)
                    .put("countedAs", d.state).put("datasetRows", d.datasetRows);
        }
    }
}
