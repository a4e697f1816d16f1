package org.phasegate.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import org.phasegate.problem.Quote;

/**
 * A CSV file read row by row (RFC 4180 through {@link CsvRecords}: quoted separators and newlines, CRLF, a UTF-8 byte-order mark).
 * The header is matched to the columns a format knows through an alias table, so renamed columns ({@code Event ID})
 * and extra ones are fine; missing required columns are one problem naming all of them. Trailing separators (empty
 * extra fields) are ignored; a row with fewer fields than the header, or non-empty fields beyond it, is rejected.
 * Blank fields are absent values, never zero.
 */
public final class CsvTable {
    /** A column a format reads: its name, the other headers it goes by, and whether a file must have it. */
    public record Column(String name, List<String> aliases, boolean required) {
        public Column {
            aliases = List.copyOf(aliases);
        }

        public static Column required(String name, String... aliases) {
            return new Column(name, List.of(aliases), true);
        }

        public static Column optional(String name, String... aliases) {
            return new Column(name, List.of(aliases), false);
        }
    }

    /** One data row: where it starts, its fields by column (blank fields absent), and its text for quarantine, made only when asked. */
    public static final class Row {
        private final long line;
        private final Map<String, Integer> columns;
        private final String[] values;
        private final String[] fields;

        Row(long line, Map<String, Integer> columns, String[] values, String[] fields) {
            this.line = line;
            this.columns = columns;
            this.values = values;
            this.fields = fields;
        }

        public long line() {
            return line;
        }

        /** The column's value, or null when it is blank or the file has no such column. */
        public String get(String column) {
            var i = columns.get(column);
            return i == null ? null : values[i];
        }

        public String raw() {
            return CsvTable.raw(fields);
        }
    }

    public interface RowHandler {
        void row(Row row);

        void rejected(Rejection rejection);

        /** Each row to {@code mapper}; rows the table itself refuses straight to the sink. */
        static RowHandler of(Consumer<Row> mapper, RowSink sink) {
            return new RowHandler() {
                @Override
                public void row(Row row) {
                    mapper.accept(row);
                }

                @Override
                public void rejected(Rejection rejection) {
                    sink.rejected(rejection);
                }
            };
        }
    }

    private CsvTable() {
    }

    /** Reads every row of {@code in}; problems that make the whole file unreadable are thrown as located problems. */
    public static void read(String file, InputStream in, List<Column> columns, RowHandler handler) {
        try {
            var records = new CsvRecords(in);
            var header = records.next();
            if (header == null) throw new InvalidInputException(new Problem(file, 1, 1, "the file is empty: no header row", "a CSV file starts with its header"));
            var names = List.of(header.fields());
            var index = match(file, names, columns);
            long headerWidth = width(names);
            var slots = new HashMap<String, Integer>();
            var positions = new int[index.size()];
            int k = 0;
            for (var e : index.entrySet()) {
                slots.put(e.getValue(), k);
                positions[k++] = e.getKey();
            }
            for (var rec = records.next(); rec != null; rec = records.next()) {
                if (rec.fields().length == 1 && rec.fields()[0].isBlank()) continue;   // a blank line
                toRow(rec, slots, positions, headerWidth, handler);
            }
        } catch (CsvRecords.Unreadable e) {
            throw new InvalidInputException(new Problem(file, e.line, e.column, "not readable as CSV: " + e.getMessage(),
                    "is the file UTF-8 CSV, complete, with balanced quotes?"));
        } catch (IOException e) {
            throw new InvalidInputException(new Problem(file, 0, 0, "cannot read the file: " + Quote.shorten(String.valueOf(e.getMessage())), ""));
        }
    }

    /** The header's fields up to its last non-blank name: a trailing separator adds no column. */
    private static long width(List<String> header) {
        int w = header.size();
        while (w > 0 && header.get(w - 1).isBlank()) w--;
        return w;
    }

    /** Header position -> column name, for the columns this format reads. */
    private static Map<Integer, String> match(String file, List<String> header, List<Column> columns) {
        var byAlias = new HashMap<String, String>();
        for (var c : columns) {
            byAlias.put(normal(c.name()), c.name());
            c.aliases().forEach(a -> byAlias.put(normal(a), c.name()));
        }
        var index = new LinkedHashMap<Integer, String>();
        var seen = new HashMap<String, Integer>();
        for (int i = 0; i < header.size(); i++) {
            var name = byAlias.get(normal(header.get(i)));
            if (name == null) continue;
            var before = seen.putIfAbsent(name, i);
            if (before != null) {
                throw new InvalidInputException(new Problem(file, 1, 0, "columns " + (before + 1) + " (" + Quote.of(header.get(before)) + ") and "
                        + (i + 1) + " (" + Quote.of(header.get(i)) + ") are both '" + name + "'", "keep one of them"));
            }
            index.put(i, name);
        }
        var missing = columns.stream().filter(c -> c.required() && !seen.containsKey(c.name())).map(Column::name).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException(new Problem(file, 1, 0, "the header lacks required column" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing), "the header has " + Quote.of(String.join(",", header)) + "; see docs/importing.md for the columns and their aliases"));
        }
        return index;
    }

    /** Lower case, BOM, spaces, dashes and underscores dropped: "Event ID", "event_id" and "EVENT-ID" are one header. */
    static String normal(String header) {
        var out = new StringBuilder(header.length());
        for (char c : header.toCharArray()) {
            if (c == '\uFEFF' || c == ' ' || c == '_' || c == '-' || c == '\t') continue;
            out.append(Character.toLowerCase(c));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static void toRow(CsvRecords.Record rec, Map<String, Integer> slots, int[] positions, long width, RowHandler handler) {
        var f = rec.fields();
        if (f.length < width) {
            handler.rejected(new Rejection(rec.line(), "", null, "the row has " + f.length + " field" + (f.length == 1 ? "" : "s")
                    + ", the header " + width + " (a truncated or broken row)", raw(f)));
            return;
        }
        for (int i = (int) width; i < f.length; i++) {
            if (!f[i].isBlank()) {
                handler.rejected(new Rejection(rec.line(), "field " + (i + 1), f[i], "the row has more fields than the header ("
                        + width + ")", raw(f)));
                return;
            }
        }
        var values = new String[positions.length];
        for (int k = 0; k < positions.length; k++) {
            var v = f[positions[k]].strip();
            values[k] = v.isEmpty() ? null : v;
        }
        handler.row(new Row(rec.line(), slots, values, f));
    }

    static String raw(String[] fields) {
        return String.join(",", java.util.Arrays.stream(fields).map(CsvTable::quoted).toList());
    }

    private static String quoted(String field) {
        return field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")
                ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
