package org.phasegate.importing;

import static org.phasegate.importing.CsvTable.Column.optional;
import static org.phasegate.importing.CsvTable.Column.required;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.phasegate.importing.ImportedRow.Period;

/**
 * UCDP's Georeferenced Event Dataset (GED) CSV: one {@code incident} row per event {@code id}, from {@code date_start}
 * to {@code date_end}, with the fatality estimates {@code best}, {@code low}, {@code high} and the deaths by side;
 * conflict, dyad, sides, country and precision codes kept as attributes, the point from latitude/longitude. GED
 * places are not joined to p-codes (its adm_1/adm_2 names follow no OCHA table).
 */
final class UcdpReader implements SourceReader {
    static final List<CsvTable.Column> COLUMNS = List.of(required("id"), optional("relid"), optional("year"), optional("active_year"),
            optional("code_status"), optional("type_of_violence"), optional("conflict_name"), optional("dyad_name"), optional("side_a"),
            optional("side_b"), optional("where_prec"), optional("where_coordinates"), optional("adm_1"), optional("adm_2"),
            optional("latitude"), optional("longitude"), optional("country"), optional("region"), optional("event_clarity"),
            optional("date_prec"), required("date_start"), optional("date_end"), optional("deaths_a"), optional("deaths_b"),
            optional("deaths_civilians"), optional("deaths_unknown"), required("best", "best_est"), optional("high", "high_est"),
            optional("low", "low_est"));
    private static final List<String> KEPT = List.of("relid", "type_of_violence", "conflict_name", "dyad_name", "side_a", "side_b",
            "where_prec", "where_coordinates", "adm_1", "adm_2", "country", "region", "event_clarity", "date_prec", "code_status");
    private static final List<String> COUNTS = List.of("best", "low", "high", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown");

    private static final List<String> SIDES = List.of("deaths-a", "deaths-b", "deaths-civilians", "deaths-unknown");
    private final LocalDate today;

    UcdpReader(LocalDate today) {
        this.today = today;
    }

    UcdpReader() {
        this(Importers.today(Clock.systemUTC()));
    }

    @Override
    public void read(String file, InputStream in, RowSink sink) {
        sink.begin(new Dataset("ucdp-ged", ImportKind.UCDP, "UCDP Georeferenced Event Dataset", "CC BY 4.0",
                "UCDP Georeferenced Event Dataset (Sundberg & Melander 2013; Davies et al.), Uppsala University", "https://ucdp.uu.se/downloads/"));
        var seen = new HashMap<String, Long>();
        CsvTable.read(file, in, COLUMNS, CsvTable.RowHandler.of(row -> map(row, today, seen, sink), sink));
    }

    /** {@code seen}: the line of each event id read so far, so a repeated id names its column and first line. */
    private static void map(CsvTable.Row r, LocalDate today, java.util.Map<String, Long> seen, RowSink sink) {
        var f = new Fields(r.line(), r::raw);
        var id = f.id("id", r.get("id"));
        var start = f.date("date_start", r.get("date_start"));
        var end = r.get("date_end") == null ? start : f.date("date_end", r.get("date_end"));
        var q = new HashMap<String, Double>();
        for (var c : COUNTS) f.count(c, r.get(c)).ifPresent(v -> q.put(c.replace('_', '-'), v));
        if (f.ok() && r.get("best") == null) f.reject("best", "", "the best estimate is required");
        if (f.ok() && q.containsKey("low") && q.get("low") > q.get("best")) f.reject("low", r.get("low"), "low is above best (" + r.get("best") + ")");
        if (f.ok() && q.containsKey("high") && q.get("high") < q.get("best")) f.reject("high", r.get("high"), "high is below best (" + r.get("best") + ")");
        if (f.ok() && end.orElseThrow().isBefore(start.orElseThrow())) f.reject("date_end", r.get("date_end"), "ends before date_start");
        if (f.ok()) f.notAfter(r.get("date_end") == null ? "date_start" : "date_end", r.get("date_end") == null ? r.get("date_start") : r.get("date_end"), end, today);
        if (f.ok() && SIDES.stream().allMatch(q::containsKey)) {
            double sum = SIDES.stream().mapToDouble(q::get).sum();
            if (sum != q.get("best")) f.reject("best", r.get("best"), "is not deaths_a + deaths_b + deaths_civilians + deaths_unknown ("
                    + r.get("deaths_a") + " + " + r.get("deaths_b") + " + " + r.get("deaths_civilians") + " + " + r.get("deaths_unknown") + " = " + (long) sum + ")");
        }
        var geometry = Points.point(f, r.get("latitude"), r.get("longitude"));
        var attrs = new HashMap<String, String>();
        for (var k : KEPT) {
            var v = f.text(k, r.get(k));
            if (v != null) attrs.put(k.replace('_', '-'), v);
        }
        f.firstInFile(seen, id, "id", id, "this event id");
        if (f.rejection().isPresent()) {
            sink.rejected(f.rejection().get());
            return;
        }
        var period = new Period(start.get(), end.get(), start.get().equals(end.get()) ? start.get().toString() : start.get() + "/" + end.get());
        Rows.emit(sink, f, () -> new ImportedRow(id, r.line(), "incident", Optional.of(period), Optional.empty(), q, attrs, List.of(), geometry));
    }
}
