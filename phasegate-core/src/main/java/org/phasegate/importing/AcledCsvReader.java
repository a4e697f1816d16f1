package org.phasegate.importing;

import static org.phasegate.importing.CsvTable.Column.optional;
import static org.phasegate.importing.CsvTable.Column.required;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.phasegate.importing.ImportedRow.Period;

/**
 * ACLED's standard event-level CSV export: one {@code incident} row per event ({@code event_id_cnty}), on its
 * {@code event_date}, in the governorate its admin1/admin2 names give ({@link AcledAdmin2}), with {@code fatalities}
 * and the event's point; every other column (actors, types, location, source, notes, year, timestamp, and columns the
 * export adds: iso, region, country) kept as an attribute.
 */
final class AcledCsvReader implements SourceReader {
    static final List<CsvTable.Column> COLUMNS = List.of(
            required("event_id_cnty", "event id", "event_id"), required("event_date", "date"), optional("year"), optional("time_precision"),
            optional("disorder_type"), required("event_type"), optional("sub_event_type"), optional("actor1"), optional("actor2"),
            optional("interaction"), required("admin1"), required("admin2"), optional("admin3"), optional("location"),
            optional("latitude", "lat"), optional("longitude", "lon", "lng"), optional("geo_precision"), optional("source"),
            optional("source_scale"), optional("notes"), required("fatalities"), optional("tags"), optional("timestamp"));
    private static final List<String> KEPT = List.of("year", "disorder_type", "event_type", "sub_event_type", "actor1", "actor2", "interaction",
            "admin1", "admin2", "admin3", "location", "time_precision", "geo_precision", "source", "source_scale", "notes", "tags", "timestamp");
    private static final List<String> NAMES = KEPT.stream().map(k -> k.replace('_', '-')).toList();
    /** The attribute names the reader sets, and those the store adds to a record: a column of the file cannot take them. */
    private static final Set<String> RESERVED = Stream.concat(NAMES.stream(),
            Stream.of("admin1-pcode", ImportedRow.DATASET_ATTRIBUTE, ImportedRow.PERIOD_ATTRIBUTE)).collect(Collectors.toUnmodifiableSet());

    private final LocalDate today;

    AcledCsvReader(LocalDate today) {
        this.today = today;
    }

    AcledCsvReader() {
        this(Importers.today(Clock.systemUTC()));
    }

    @Override
    public void read(String file, InputStream in, RowSink sink) {
        sink.begin(new Dataset("acled-events", ImportKind.ACLED, "ACLED events (event-level export)", AcledMonthlyReader.LICENCE,
                "ACLED — Armed Conflict Location & Event Data Project (acleddata.com)", "https://acleddata.com/"));
        var seen = new HashMap<String, Long>();
        CsvTable.read(file, in, COLUMNS, RESERVED, CsvTable.RowHandler.of(row -> map(row, today, seen, sink), sink));
    }

    /** {@code seen}: the line of each event id read so far, so a repeated id names its column and first line. */
    private static void map(CsvTable.Row r, LocalDate today, Map<String, Long> seen, RowSink sink) {
        var f = new Fields(r.line(), r::raw);
        var id = f.id("event_id_cnty", r.get("event_id_cnty"));
        var date = f.date("event_date", r.get("event_date"));
        f.notAfter("event_date", r.get("event_date"), date, today);
        var year = r.get("year");
        if (f.ok() && year != null && !year.equals(String.valueOf(date.orElseThrow().getYear()))) {
            f.reject("year", year, "does not agree with event_date (" + date.get() + ")");
        }
        f.required("event_type", r.get("event_type"));
        var entry = AcledMonthlyReader.place(f, r.get("admin1"), r.get("admin2"), null);
        double fatalities = f.requiredCount("fatalities", r.get("fatalities"));
        var geometry = Points.point(f, r.get("latitude"), r.get("longitude"));
        var others = r.others();
        @SuppressWarnings("unchecked")
        Map.Entry<String, String>[] attrs = new Map.Entry[KEPT.size() + 1 + others.size()];
        int n = 0;
        for (int i = 0; i < KEPT.size(); i++) {
            var v = f.text(KEPT.get(i), r.get(KEPT.get(i)));
            if (v != null) attrs[n++] = Map.entry(NAMES.get(i), v);
        }
        for (var o : others.entrySet()) attrs[n++] = Map.entry(o.getKey(), f.text(r.otherHeader(o.getKey()), o.getValue()));
        f.firstInFile(seen, id, "event_id_cnty", id, "this event id");
        if (f.rejection().isPresent()) {
            sink.rejected(f.rejection().get());
            return;
        }
        attrs[n++] = Map.entry("admin1-pcode", AcledAdmin2.admin1Pcode(entry.pcode()));
        var attributes = Map.ofEntries(java.util.Arrays.copyOf(attrs, n));   // immutable already: the row keeps it without a copy
        Rows.emit(sink, f, () -> new ImportedRow(id, r.line(), "incident", Optional.of(Period.day(date.orElseThrow())), Optional.of(entry.pcode()),
                Map.of("events", 1.0, "fatalities", fatalities), attributes, List.of(), geometry));
    }
}
