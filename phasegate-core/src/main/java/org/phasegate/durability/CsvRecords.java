package org.phasegate.durability;

import java.util.ArrayList;
import java.util.List;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;

/**
 * RFC 4180 CSV split into records that remember where each field starts: quoted fields may hold commas, doubled
 * quotes and line breaks (UCDP's free-text {@code c_duration} does), so a record's line is where it begins.
 */
final class CsvRecords {
    /** One field's text and the 1-based line and column where it starts. */
    record Field(String text, int line, int column) {
    }

    private CsvRecords() {
    }

    static List<List<Field>> split(String file, String text) {
        var records = new ArrayList<List<Field>>();
        var fields = new ArrayList<Field>();
        var value = new StringBuilder();
        int line = 1, column = 1, startLine = 1, startColumn = 1, quoteLine = 0, quoteColumn = 0;
        boolean quoted = false, wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    value.append('"');
                    i++;
                    column++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    value.append(c);
                }
            } else if (c == '"' && value.isEmpty() && !wasQuoted) {
                quoted = wasQuoted = true;
                quoteLine = line;
                quoteColumn = column;
            } else if (c == '"') {
                throw new InvalidInputException(new Problem(file, line, column, "a quote inside an unquoted field",
                        "quote the whole field and double quotes inside it (RFC 4180)"));
            } else if (c == ',' || c == '\n' || c == '\r') {
                fields.add(new Field(value.toString(), startLine, startColumn));
                value.setLength(0);
                wasQuoted = false;
                if (c != ',') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                    if (!(fields.size() == 1 && fields.get(0).text().isEmpty())) records.add(List.copyOf(fields));
                    fields.clear();
                }
            } else if (wasQuoted) {
                throw new InvalidInputException(new Problem(file, line, column, "text after a closing quote",
                        "a quoted field ends at its closing quote; double quotes inside it"));
            } else {
                value.append(c);
            }
            if (c == '\n' || (c == '\r' && !quoted)) {
                line++;
                column = 1;
            } else {
                column++;
            }
            if (!quoted && (c == ',' || c == '\n' || c == '\r')) {
                startLine = line;
                startColumn = column;
            }
        }
        if (quoted) {
            throw new InvalidInputException(new Problem(file, quoteLine, quoteColumn, "a quoted field is never closed", "add the closing quote"));
        }
        if (!value.isEmpty() || wasQuoted || !fields.isEmpty()) {
            fields.add(new Field(value.toString(), startLine, startColumn));
            records.add(List.copyOf(fields));
        }
        return records;
    }
}
