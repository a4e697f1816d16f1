package org.phasegate.importing;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.phasegate.importing.ImportedRow.Period;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import org.phasegate.problem.Quote;

/**
 * ACLED's monthly aggregates as HDX publishes them for Palestine ({@code {event_type, source_dataset, source_url,
 * attribution, row_count, rows: [{country, admin1, admin2, admin1_pcode, admin2_pcode, year, month, date_period,
 * events, fatalities}]}}): one {@code incident} row per governorate and month with quantities {@code events} and
 * {@code fatalities}. A null {@code fatalities} (demonstrations) stays absent, flagged, never 0. The p-code and
 * ACLED's names must agree with {@link AcledAdmin2}; {@code row_count} must match the rows (a cut file is refused).
 */
final class AcledMonthlyReader implements SourceReader {
    static final String LICENCE = "ACLED Terms of Use (attribution required)";
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,60}");
    private final LocalDate today;

    AcledMonthlyReader(LocalDate today) {
        this.today = today;
    }

    AcledMonthlyReader() {
        this(Importers.today(Clock.systemUTC()));
    }

    @Override
    public void read(String file, InputStream in, RowSink sink) {
        var parsed = JsonRows.read(file, in, "rows");
        var h = parsed.header();
        var eventType = JsonRows.text(h, "event_type");
        if (eventType == null || !ID.matcher(eventType).matches()) {
            throw new InvalidInputException(new Problem(file, 1, 0, "event_type " + Quote.of(eventType) + " is not a dataset name (a-z, 0-9, -)",
                    "an ACLED monthly file from HDX names its event type, e.g. political-violence"));
        }
        var count = h.get("row_count");
        if (count != null && (!count.canConvertToLong() || count.asLong() != parsed.rows().size())) {
            var at = parsed.at("row_count");
            throw new InvalidInputException(new Problem(file, (int) at.line(), at.column(), "row_count says " + Quote.of(count.asText()) + " rows but the file has "
                    + parsed.rows().size(), "the file is cut short or was edited; fetch it again"));
        }
        sink.begin(new Dataset("acled-monthly-" + eventType, ImportKind.ACLED, "ACLED monthly " + eventType + " by governorate",
                LICENCE, orEmpty(JsonRows.text(h, "attribution")), orEmpty(JsonRows.text(h, "source_url"))));
        var seen = new HashMap<String, Long>();
        for (var e : parsed.rows()) row(e, eventType, today, seen, sink);
    }

    /** {@code seen}: the line of each governorate-month read so far, so a repeated one names its column and first line. */
    private static void row(JsonRows.Element e, String eventType, LocalDate today, Map<String, Long> seen, RowSink sink) {
        long line = e.line();
        var o = e.node();
        var f = new Fields(line, e.column(), o.toString());
        if (!o.isObject()) {
            sink.rejected(new Rejection(line, "", o.toString(), "a row must be a JSON object", o.toString(), e.column()));
            return;
        }
        var entry = place(f, JsonRows.text(o, "admin1"), JsonRows.text(o, "admin2"), JsonRows.text(o, "admin2_pcode"));
        double year = f.requiredCount("year", JsonRows.text(o, "year"));
        double month = f.requiredCount("month", JsonRows.text(o, "month"));
        if (f.ok() && (month < 1 || month > 12)) f.reject("month", JsonRows.text(o, "month"), "a month is 1..12");
        if (f.ok() && (year < 1900 || year > 2200)) f.reject("year", JsonRows.text(o, "year"), "not a plausible year");
        Period period = f.ok() ? Period.month((int) year, (int) month) : null;
        // the month under way is a partial count, as ACLED publishes it; a month not begun is an error
        if (period != null && period.start().isAfter(today)) f.reject("month", JsonRows.text(o, "month"), "dated after today (" + today + "): "
                + period.label() + " has not begun");
        var label = JsonRows.text(o, "date_period");
        if (period != null && label != null && !label.equals(period.label())) f.reject("date_period", label, "does not match year and month (" + period.label() + ")");
        double events = f.requiredCount("events", JsonRows.text(o, "events"));
        var fatalities = f.count("fatalities", JsonRows.text(o, "fatalities"));
        if (f.ok()) f.firstInFile(seen, entry.pcode() + ":" + period.label(), "admin2_pcode", entry.pcode(), period.label() + " of this governorate");
        if (f.rejection().isPresent()) {
            sink.rejected(f.rejection().get());
            return;
        }
        var q = new HashMap<String, Double>(Map.of("events", events));
        fatalities.ifPresent(v -> q.put("fatalities", v));
        var attrs = Map.of("acled-event-type", eventType, "admin1", entry.acledAdmin1(), "admin2", entry.acledAdmin2(),
                "admin1-pcode", AcledAdmin2.admin1Pcode(entry.pcode()), "period", period.label());
        var flags = fatalities.isPresent() ? List.<String>of() : List.of("not-reported:fatalities");
        Rows.emit(sink, f, () -> new ImportedRow(entry.pcode() + ":" + period.label(), line, "incident", Optional.of(period),
                Optional.of(entry.pcode()), q, attrs, flags, Optional.empty()));
    }

    /** The governorate: by p-code, whose names must then be ACLED's for it; by name when there is no p-code. */
    static AcledAdmin2.Entry place(Fields f, String admin1, String admin2, String pcode) {
        if (pcode != null && !pcode.isBlank()) {
            var byCode = AcledAdmin2.byPcode(pcode.strip());
            if (byCode.isEmpty()) {
                f.reject("admin2_pcode", pcode, "not an OCHA admin2 p-code of the table in docs/importing.md");
                return null;
            }
            var e = byCode.get();
            if (admin2 != null && AcledAdmin2.byName(admin1, admin2).filter(n -> n.equals(e)).isEmpty()) {
                f.reject("admin2", admin2, "is not ACLED's name for " + e.pcode() + " ('" + e.acledAdmin2() + "', " + e.acledAdmin1() + ")");
                return null;
            }
            return e;
        }
        var byName = AcledAdmin2.byName(admin1, admin2);
        if (byName.isEmpty()) {
            var hint = AcledAdmin2.byNameIgnoringCase(admin1, admin2).map(e -> " (the table writes " + Quote.of(e.acledAdmin2()) + " in "
                    + Quote.of(e.acledAdmin1()) + ")").orElse("");
            f.reject("admin2", admin2 == null ? "" : admin2, "unknown governorate" + (admin1 == null ? "" : " in " + Quote.of(admin1))
                    + "; names are matched exactly by the table in docs/importing.md, never guessed" + hint);
            return null;
        }
        return byName.get();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
