package org.phasegate.importing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
