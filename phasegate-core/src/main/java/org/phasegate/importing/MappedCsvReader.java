package org.phasegate.importing;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.phasegate.importing.ImportedRow.Period;

/**
 * Any CSV, read through a {@link CsvMapping}: one row of the mapping's record type per data row. A Palestinian p-code
 * ({@code PS...}) must be one of OCHA's ({@code PS}, {@code PS01}, {@code PS02} or an admin2 code of {@link AcledAdmin2}).
 */
final class MappedCsvReader implements SourceReader {
    private static final Pattern PCODE = Pattern.compile("[A-Z]{2}[0-9A-Z]{0,14}");
    private final CsvMapping mapping;
    private final LocalDate today;

    MappedCsvReader(CsvMapping mapping, LocalDate today) {
        this.mapping = mapping;
        this.today = today;
    }

    MappedCsvReader(CsvMapping mapping) {
        this(mapping, Importers.today(java.time.Clock.systemUTC()));
    }

    @Override
    public void read(String file, InputStream in, RowSink sink) {
        sink.begin(mapping.dataset());
        var seen = new HashSet<String>();
        CsvTable.read(file, in, mapping.columns(), CsvTable.RowHandler.of(row -> map(row, seen, sink), sink));
    }

    private void map(CsvTable.Row r, Set<String> seen, RowSink sink) {
        var f = new Fields(r.line(), r::raw);
        mapping.idColumns().forEach(c -> f.id(c, r.get(c)));
        var date = f.date(mapping.dateColumn(), r.get(mapping.dateColumn()));
        f.notAfter(mapping.dateColumn(), r.get(mapping.dateColumn()), date, today);
        var q = new HashMap<String, Double>();
        mapping.quantities().forEach((name, column) -> f.count(column, r.get(column)).ifPresent(v -> q.put(name, v)));
        var pcode = mapping.pcodeColumn().map(r::get);
        if (f.ok() && pcode.isPresent() && !PCODE.matcher(pcode.get()).matches()) {
            f.reject(mapping.pcodeColumn().get(), pcode.get(), "not a p-code (two capital letters and digits, e.g. PS0260)");
        }
        if (f.ok() && pcode.isPresent() && pcode.get().startsWith("PS") && !AcledAdmin2.isOchaPcode(pcode.get())) {
            f.reject(mapping.pcodeColumn().get(), pcode.get(), "not an OCHA p-code of Palestine (PS, PS01, PS02 or a governorate of the table in docs/importing.md)");
        }
        var geometry = mapping.latitudeColumn().isPresent()
                ? Points.point(f, r.get(mapping.latitudeColumn().get()), r.get(mapping.longitudeColumn().get())) : Optional.<String>empty();
        var id = mapping.idColumns().stream().map(c -> r.get(c) == null ? "" : r.get(c)).collect(Collectors.joining("|"));
        var attrs = new HashMap<String, String>();
        mapping.attributes().forEach((name, column) -> {
            var v = f.text(column, r.get(column));
            if (v != null) attrs.put(name, v);
        });
        if (f.ok() && !seen.add(id)) f.reject(mapping.idColumns().get(0), id, "another row of this file has this id");
        if (f.rejection().isPresent()) {
            sink.rejected(f.rejection().get());
            return;
        }
        Rows.emit(sink, f, () -> new ImportedRow(id, r.line(), mapping.type(), Optional.of(Period.day(date.orElseThrow())), pcode, q, attrs,
                List.of(), geometry));
    }
}
