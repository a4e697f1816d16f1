package org.phasegate.store.imports;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.phasegate.evidence.Attestation;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.evidence.Place;
import org.phasegate.evidence.RecordType;
import org.phasegate.evidence.SourceRef;
import org.phasegate.importing.DataUpTo;
import org.phasegate.importing.ImportedRow;
import org.phasegate.scenario.ImportPolicy;
import org.phasegate.scenario.Scenario;
import org.phasegate.store.Tx;

/**
 * The imported rows a scenario's measures read ({@code import: DATASET}), as records for the gate engine: only rows of
 * imports whose state counts (corroborated or verified; see {@link ImportPolicy.State#counts()}), each dated at the
 * last second of its period (a month's total is known when the month is over), with attributes {@code dataset} and
 * {@code pcode} added for measures to filter on, and {@link ImportedRow#PERIOD_ATTRIBUTE} its period's label. Also, per dataset, the last period the counted rows cover.
 */
public record ImportedSeries(List<EvidenceRecord> records, Map<String, Coverage> coverage) {
    /** What one dataset gives: rows counted, rows left out (their import only reported), and the last period covered. */
    public record Coverage(String dataset, long counted, long notCounted, Optional<String> lastPeriod, Optional<java.time.LocalDate> lastDay, String state) {
    }

    public static final ImportedSeries EMPTY = new ImportedSeries(List.of(), Map.of());

    public ImportedSeries {
        records = List.copyOf(records);
        coverage = Map.copyOf(coverage);
    }

    /** One line per measure of the scenario that reads a dataset, in the scenario's order: how far its data goes. */
    public List<DataUpTo> dataUpTo(Scenario scenario) {
        var out = new ArrayList<DataUpTo>();
        for (var m : scenario.measures()) {
            if (m.imported().isEmpty()) continue;
            var c = coverage.get(m.imported().get());
            out.add(c == null ? new DataUpTo(m.id(), m.imported().get(), true, 0, 0, Optional.empty(), Optional.empty(), "")
                    : new DataUpTo(m.id(), c.dataset(), true, c.counted(), c.notCounted(), c.lastPeriod(), c.lastDay(), c.state()));
        }
        return out;
    }

    /** As {@link #dataUpTo(Scenario)}, as of {@code at}: only the rows whose period had ended by then (see {@link DataUpTo#asOf}). */
    public List<DataUpTo> dataUpTo(Scenario scenario, java.time.Instant at) {
        return DataUpTo.asOf(dataUpTo(scenario), records, at);
    }

    /** The lines for a run that did not read the store: each import measure's data is named as not read. */
    public static List<DataUpTo> notRead(Scenario scenario) {
        return scenario.measures().stream().filter(m -> m.imported().isPresent()).map(m -> DataUpTo.notRead(m.id(), m.imported().get())).toList();
    }

    /** The datasets the scenario's measures read. */
    public static Set<String> datasets(Scenario scenario) {
        return scenario.measures().stream().flatMap(m -> m.imported().stream()).collect(java.util.stream.Collectors.toSet());
    }

    public static ImportedSeries load(DataSource ds, Set<String> datasets) {
        if (datasets.isEmpty()) return new ImportedSeries(List.of(), Map.of());
        return Tx.run(ds, c -> {
            var records = new ArrayList<EvidenceRecord>();
            var coverage = new HashMap<String, Coverage>();
            for (var dataset : datasets.stream().sorted().toList()) {
                var cov = new long[2];
                ImportedRow[] last = {null};
                var states = new java.util.TreeSet<String>();
                try (var ps = c.prepareStatement("SELECT r.source_id, r.content, b.state, b.id, b.source_url FROM import_row r JOIN import_batch b ON b.id = r.import_id"
                        + " WHERE r.dataset = ? ORDER BY r.import_id, r.ordinal")) {
                    ps.setString(1, dataset);
                    ps.setFetchSize(10_000);
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            var state = ImportPolicy.State.fromWire(rs.getString(3)).orElse(ImportPolicy.State.REPORTED);
                            states.add(state.wireName());
                            var row = RowContent.parse(rs.getString(1), rs.getString(2));
                            var record = record(dataset, row, rs.getString(5));
                            if (!state.counts() || record.isEmpty()) {
                                cov[1]++;
                                continue;
                            }
                            cov[0]++;
                            records.add(record.get());
                            if (last[0] == null || row.period().get().end().isAfter(last[0].period().get().end())) last[0] = row;
                        }
                    }
                }
                var l = Optional.ofNullable(last[0]);
                coverage.put(dataset, new Coverage(dataset, cov[0], cov[1], l.map(r -> r.period().get().label()), l.map(r -> r.period().get().end()),
                        String.join(", ", states)));
            }
            return new ImportedSeries(records, coverage);
        });
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
