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
        private final Others others;

        Row(long line, Map<String, Integer> columns, String[] values, String[] fields, Others others) {
            this.line = line;
            this.columns = columns;
            this.values = values;
            this.fields = fields;
            this.others = others;
        }

        /** The header's other columns (those the format does not know) with a value in this row, as attribute name to value. */
        public Map<String, String> others() {
            if (others.names.length == 0) return Map.of();
            var out = new LinkedHashMap<String, String>();
            for (int i = 0; i < others.names.length; i++) {
                var v = fields[others.positions[i]].strip();
                if (!v.isEmpty()) out.put(others.names[i], v);
            }
            return out;
        }

        /** The header's name of an other column (by its attribute name), for a rejection. */
        public String otherHeader(String attribute) {
            for (int i = 0; i < others.names.length; i++) if (others.names[i].equals(attribute)) return others.headers[i];
            return attribute;
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

    /** The columns of the header a format does not know: their attribute names, header names and positions. */
    record Others(String[] names, String[] headers, int[] positions) {
        static final Others NONE = new Others(new String[0], new String[0], new int[0]);
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
        read(file, in, columns, null, handler);
    }

    /**
     * As {@link #read(String, InputStream, List, RowHandler)}, keeping the header's other columns ({@link Row#others()})
     * unless {@code reserved} is null: each under its header in lower case with runs of other characters than a-z and
     * 0-9 written {@code -} ({@code Event Region} -> {@code event-region}; a blank header: {@code column-N}). A name in
     * {@code reserved} (the attributes the format sets) or given by two columns refuses the file at its header.
     */
    public static void read(String file, InputStream in, List<Column> columns, java.util.Set<String> reserved, RowHandler handler) {
        try {
            var records = new CsvRecords(in);
            var header = records.next();
            if (header == null) throw new InvalidInputException(new Problem(file, 1, 1, "the file is empty: no header row", "a CSV file starts with its header"));
            var names = List.of(header.fields());
            var index = match(file, names, columns);
            long headerWidth = width(names);
            var others = reserved == null ? Others.NONE : others(file, names, index, (int) headerWidth, reserved);
            var slots = new HashMap<String, Integer>();
            var positions = new int[index.size()];
            int k = 0;
            for (var e : index.entrySet()) {
                slots.put(e.getValue(), k);
                positions[k++] = e.getKey();
            }
            for (var rec = records.next(); rec != null; rec = records.next()) {
                if (rec.fields().length == 1 && rec.fields()[0].isBlank()) continue;   // a blank line
                toRow(rec, slots, positions, headerWidth, others, handler);
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

    private static Others others(String file, List<String> header, Map<Integer, String> index, int width, java.util.Set<String> reserved) {
        var names = new java.util.ArrayList<String>();
        var headers = new java.util.ArrayList<String>();
        var positions = new java.util.ArrayList<Integer>();
        var byName = new HashMap<String, Integer>();
        for (int i = 0; i < width; i++) {
            if (index.containsKey(i)) continue;
            var name = attributeName(header.get(i), i);
            if (reserved.contains(name)) {
                throw new InvalidInputException(new Problem(file, 1, 0, "column " + (i + 1) + " (" + Quote.of(header.get(i)) + ") would be kept as attribute '"
                        + name + "', which the importer sets itself", "rename or drop the column"));
            }
            var before = byName.putIfAbsent(name, i);
            if (before != null) {
                throw new InvalidInputException(new Problem(file, 1, 0, "columns " + (before + 1) + " (" + Quote.of(header.get(before)) + ") and " + (i + 1)
                        + " (" + Quote.of(header.get(i)) + ") would both be kept as attribute '" + name + "'", "rename or drop one of them"));
            }
            names.add(name);
            headers.add(header.get(i));
            positions.add(i);
        }
        return new Others(names.toArray(String[]::new), headers.toArray(String[]::new), positions.stream().mapToInt(Integer::intValue).toArray());
    }

    /** {@code Event Region} -> {@code event-region}; nothing left (a blank header): {@code column-N}. */
    static String attributeName(String header, int position) {
        var name = header.replace("\uFEFF", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (name.length() > 64) name = name.substring(0, 64).replaceAll("-+$", "");
        return name.isEmpty() ? "column-" + (position + 1) : name;
    }

    private static void toRow(CsvRecords.Record rec, Map<String, Integer> slots, int[] positions, long width, Others others, RowHandler handler) {
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
        handler.row(new Row(rec.line(), slots, values, f, others));
    }

    static String raw(String[] fields) {
        return String.join(",", java.util.Arrays.stream(fields).map(CsvTable::quoted).toList());
    }

    private static String quoted(String field) {
        return field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")
                ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
