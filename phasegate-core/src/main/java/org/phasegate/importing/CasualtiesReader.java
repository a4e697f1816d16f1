package org.phasegate.importing;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.phasegate.importing.ImportedRow.Period;

/**
 * The daily Gaza casualty series (Ministry of Health reports compiled by TechForPalestine): one {@code casualties} row
 * per {@code report_date} in the Gaza Strip (PS02) with {@code killed}, {@code injured}, {@code killed-cum},
 * {@code injured-cum} and {@code killed-since-truce}. Where the report's own field is missing and the compilers'
 * gap-filled {@code ext_} field exists, that value is used and the row flagged {@code gap-filled:NAME}; a value
 * neither gives stays absent. A cumulative count below the previous day's in the file is kept (the ministry corrects its
 * totals) and flagged {@code decreased:NAME}. Other fields of the series are not imported (docs/importing.md).
 */
final class CasualtiesReader implements SourceReader {
    /** Quantity name, the report's field, the gap-filled field (or null). */
    private record Field(String quantity, String reported, String gapFilled) {
    }

    private static final List<Field> FIELDS = List.of(new Field("killed", "killed", "ext_killed"), new Field("injured", "injured", "ext_injured"),
            new Field("killed-cum", "killed_cum", "ext_killed_cum"), new Field("injured-cum", "injured_cum", "ext_injured_cum"),
            new Field("killed-since-truce", "killed_truce_new", null));

    private static final List<String> CUMULATIVE = List.of("killed-cum", "injured-cum");
    private final LocalDate today;

    CasualtiesReader(LocalDate today) {
        this.today = today;
    }

    CasualtiesReader() {
        this(Importers.today(Clock.systemUTC()));
    }

    @Override
    public void read(String file, InputStream in, RowSink sink) {
        var parsed = JsonRows.read(file, in, null);
        sink.begin(new Dataset("gaza-casualties-daily", ImportKind.CASUALTIES, "Gaza daily casualties (Ministry of Health via TechForPalestine)",
                "Unlicense", "Gaza Ministry of Health reports compiled by TechForPalestine/palestine-datasets",
                "https://github.com/TechForPalestine/palestine-datasets"));
        var seen = new HashSet<String>();
        var kept = new TreeMap<LocalDate, Map<String, Double>>();
        for (var e : parsed.rows()) row(e, seen, kept, sink);
    }

    /** {@code kept}: the quantities of the rows sent so far, by day, for the cumulative counts' check. */
    private void row(JsonRows.Element e, HashSet<String> seen, TreeMap<LocalDate, Map<String, Double>> kept, RowSink sink) {
        long line = e.line();
        var o = e.node();
        var f = new Fields(line, e.column(), o.toString());
        if (!o.isObject()) {
            sink.rejected(new Rejection(line, "", o.toString(), "a row must be a JSON object", o.toString(), e.column()));
            return;
        }
        var dateText = JsonRows.text(o, "report_date");
        var date = f.date("report_date", dateText);
        f.notAfter("report_date", dateText, date, today);
        var q = new HashMap<String, Double>();
        var flags = new ArrayList<String>();
        for (var field : FIELDS) {
            var reported = f.count(field.reported(), JsonRows.text(o, field.reported()));
            if (reported.isPresent()) {
                q.put(field.quantity(), reported.getAsDouble());
            } else if (field.gapFilled() != null) {
                var filled = f.count(field.gapFilled(), JsonRows.text(o, field.gapFilled()));
                if (filled.isPresent()) {
                    q.put(field.quantity(), filled.getAsDouble());
                    flags.add("gap-filled:" + field.quantity());
                }
            }
        }
        var source = f.text("report_source", JsonRows.text(o, "report_source"));
        if (f.ok() && !seen.add(dateText.strip())) f.reject("report_date", dateText, "this date was given before in the file");
        if (f.ok() && q.isEmpty()) f.reject("", null, "no killed or injured figure, reported or gap-filled");
        if (f.rejection().isPresent()) {
            sink.rejected(f.rejection().get());
            return;
        }
        var before = kept.lowerEntry(date.orElseThrow());
        for (var c : CUMULATIVE) {
            if (before != null && q.containsKey(c) && before.getValue().containsKey(c) && q.get(c) < before.getValue().get(c)) flags.add("decreased:" + c);
        }
        kept.put(date.get(), q);
        Map<String, String> attrs = source == null ? Map.of() : Map.of("report-source", source);
        Rows.emit(sink, f, () -> new ImportedRow(date.orElseThrow().toString(), line, "casualties", Optional.of(Period.day(date.get())),
                Optional.of("PS02"), q, attrs, flags, Optional.empty()));
    }
}
