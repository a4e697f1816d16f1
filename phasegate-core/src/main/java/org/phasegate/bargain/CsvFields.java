package org.phasegate.bargain;

import java.util.ArrayList;
import java.util.List;

/** Splits one line of KTAB's CSV: comma-separated, fields kept as written, double quotes removed. */
final class CsvFields {
    private CsvFields() {
    }

    /** A field and the 1-based column where it starts. */
    record Field(String text, int column) {
    }

    static List<String> split(String line) {
        return fields(line).stream().map(Field::text).toList();
    }

    static List<Field> fields(String line) {
        List<Field> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int start = 1;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                fields.add(new Field(field.toString(), start));
                field.setLength(0);
                start = i + 2;
            } else {
                field.append(c);
            }
        }
        fields.add(new Field(field.toString(), start));
        return fields;
    }
}
