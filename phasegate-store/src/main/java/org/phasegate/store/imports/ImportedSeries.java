package org.phasegate.store.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.phasegate.evidence.Attestation;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.evidence.Place;
import org.phasegate.evidence.RecordType;
import org.phasegate.evidence.SourceRef;
import org.phasegate.importing.DataUpTo;
import org.phasegate.importing.ImportedRow;
import org.phasegate.scenario.ImportPolicy;
import org.phasegate.scenario.Measure;
import org.phasegate.scenario.Scenario;
import org.phasegate.store.Tx;

/**
 * The imported rows a scenario's measures read ({@code import: DATASET}), as records for the gate engine: only rows
 * whose state counts under the reading scenario's import policy (the import's stored state capped by the state the
 * policy gives its kind, {@link ImportPolicy#countedAs}; corroborated or verified count), each dated at the last
 * second of its period (a month's total is known when the month is over), with attributes {@code dataset} and
 * {@code pcode} added for measures to filter on, and {@link ImportedRow#PERIOD_ATTRIBUTE} its period's label. Also what
 * each dataset gives ({@code coverage}) and what each import measure keeps of it ({@code byMeasure}, the rows its
 * filters keep, as the gate engine filters them: {@link Measure#readsImported}).
 */
public record ImportedSeries(List<EvidenceRecord> records, Map<String, Coverage> coverage, Map<String, Coverage> byMeasure) {
    /**
     * What one dataset, or one measure's share of it, gives: rows counted, rows left out (their state does not count
     * under the policy, or, for a dataset, not a record), the last period covered, the states the rows count in
     * ({@code state}) and were imported in ({@code importState}), and the dataset's rows.
     */
    public record Coverage(String dataset, long counted, long notCounted, Optional<String> lastPeriod, Optional<LocalDate> lastDay, String state,
                           String importState, long datasetRows) {
    }

    public static final ImportedSeries EMPTY = new ImportedSeries(List.of(), Map.of(), Map.of());

    public ImportedSeries {
        records = List.copyOf(records);
        coverage = Map.copyOf(coverage);
        byMeasure = Map.copyOf(byMeasure);
    }

    /** One line per measure of the scenario that reads a dataset, in the scenario's order: how far its data goes. */
    public List<DataUpTo> dataUpTo(Scenario scenario) {
        var out = new ArrayList<DataUpTo>();
        for (var m : scenario.measures()) {
            if (m.imported().isEmpty()) continue;
            var c = byMeasure.get(m.id());
            out.add(c == null ? new DataUpTo(m.id(), m.imported().get(), true, 0, 0, Optional.empty(), Optional.empty(), "", "", 0)
                    : new DataUpTo(m.id(), c.dataset(), true, c.counted(), c.notCounted(), c.lastPeriod(), c.lastDay(), c.state(), c.importState(),
                            c.datasetRows()));
        }
        return out;
    }

    /** As {@link #dataUpTo(Scenario)}, as of {@code at}: only the rows whose period had ended by then (see {@link DataUpTo#asOf}). */
    public List<DataUpTo> dataUpTo(Scenario scenario, java.time.Instant at) {
        return DataUpTo.asOf(dataUpTo(scenario), scenario, records, at);
    }

    /** The lines for a run that did not read the store: each import measure's data is named as not read. */
    public static List<DataUpTo> notRead(Scenario scenario) {
        return scenario.measures().stream().filter(m -> m.imported().isPresent()).map(m -> DataUpTo.notRead(m.id(), m.imported().get())).toList();
    }

    /** The datasets the scenario's measures read. */
    public static Set<String> datasets(Scenario scenario) {
        return scenario.measures().stream().flatMap(m -> m.imported().stream()).collect(Collectors.toSet());
    }

    /** The rows the scenario's import measures read, counted as its import policy says, with each measure's coverage. */
    public static ImportedSeries load(DataSource ds, Scenario scenario) {
        var measures = scenario.measures().stream().filter(m -> m.imported().isPresent()).toList();
        return load(ds, datasets(scenario), scenario.imports(), measures);
    }

    /** The rows of {@code datasets} counted as {@code policy} says (no measure: {@code byMeasure} is empty). */
    public static ImportedSeries load(DataSource ds, Set<String> datasets, ImportPolicy policy) {
        return load(ds, datasets, policy, List.of());
    }

    private static ImportedSeries load(DataSource ds, Set<String> datasets, ImportPolicy policy, List<Measure> measures) {
        if (datasets.isEmpty()) return EMPTY;
        return Tx.run(ds, c -> {
            var records = new ArrayList<EvidenceRecord>();
            var coverage = new HashMap<String, Coverage>();
            var byMeasure = new HashMap<String, Coverage>();
            for (var dataset : datasets.stream().sorted().toList()) {
                var reading = measures.stream().filter(m -> m.imported().get().equals(dataset)).toList();
                var tally = new Tally();
                var tallies = reading.stream().map(m -> new Tally()).toList();
                read(c, dataset, policy, (row, record, stored, counted) -> {
                    tally.add(row, record.isPresent() && counted.counts(), stored, counted);
                    if (record.isPresent() && counted.counts()) records.add(record.get());
                    for (int i = 0; i < reading.size(); i++) {
                        if (record.isPresent() && reading.get(i).readsImported(record.get())) tallies.get(i).add(row, counted.counts(), stored, counted);
                    }
                });
                coverage.put(dataset, tally.coverage(dataset, tally.rows));
                for (int i = 0; i < reading.size(); i++) byMeasure.put(reading.get(i).id(), tallies.get(i).coverage(dataset, tally.rows));
            }
            return new ImportedSeries(records, coverage, byMeasure);
        });
    }

    /** One stored row: its content, its record (if it is one), its import's stored state and the state it counts in. */
    private interface RowSink {
        void accept(ImportedRow row, Optional<EvidenceRecord> record, ImportPolicy.State stored, ImportPolicy.State counted);
    }

    private static void read(Connection c, String dataset, ImportPolicy policy, RowSink sink) throws SQLException {
        try (var ps = c.prepareStatement("SELECT r.source_id, r.content, b.state, b.kind, b.source_url FROM import_row r JOIN import_batch b ON b.id = r.import_id"
                + " WHERE r.dataset = ? ORDER BY r.import_id, r.ordinal")) {
            ps.setString(1, dataset);
            ps.setFetchSize(10_000);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    var stored = ImportPolicy.State.fromWire(rs.getString(3)).orElse(ImportPolicy.State.REPORTED);
                    var row = RowContent.parse(rs.getString(1), rs.getString(2));
                    sink.accept(row, record(dataset, row, rs.getString(5)), stored, policy.countedAs(rs.getString(4), stored));
                }
            }
        }
    }

    /** Counts of rows counted and not, the last counted period, and the states seen. */
    private static final class Tally {
        long rows;
        long counted;
        ImportedRow last;
        final TreeSet<String> states = new TreeSet<>();
        final TreeSet<String> importStates = new TreeSet<>();

        void add(ImportedRow row, boolean counts, ImportPolicy.State stored, ImportPolicy.State countedAs) {
            rows++;
            states.add(countedAs.wireName());
            importStates.add(stored.wireName());
            if (!counts) return;
            counted++;
            if (last == null || row.period().get().end().isAfter(last.period().get().end())) last = row;
        }

        Coverage coverage(String dataset, long datasetRows) {
            var l = Optional.ofNullable(last);
            return new Coverage(dataset, counted, rows - counted, l.map(r -> r.period().get().upTo()), l.map(r -> r.period().get().end()),
                    String.join(", ", states), String.join(", ", importStates), datasetRows);
        }
    }

    /** The row as a record, if it is one (a record type with a period; places are not). */
    static Optional<EvidenceRecord> record(String dataset, ImportedRow row, String sourceUrl) {
        var type = RecordType.fromWire(row.type());
        if (type.isEmpty() || row.period().isEmpty()) return Optional.empty();
        try {
            var attrs = new HashMap<>(row.attributes());
            attrs.put("dataset", dataset);
            attrs.put(ImportedRow.PERIOD_ATTRIBUTE, row.period().get().label());
            row.pcode().ifPresent(p -> attrs.put("pcode", p));
            var time = row.period().get().end().atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
            var sources = sourceUrl.isBlank() ? List.<SourceRef>of() : List.of(new SourceRef(sourceUrl, Optional.of(dataset), Optional.empty()));
            return Optional.of(new EvidenceRecord("import:" + dataset + ":" + row.sourceId(), type.get(), time, Optional.empty(),
                    new Place(row.pcode(), row.geometry()), row.quantities(), attrs, Optional.empty(), Optional.empty(), false,
                    Attestation.UNKNOWN, List.of(), sources));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
