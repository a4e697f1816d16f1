package org.phasegate.importing;

import java.util.function.Supplier;

/** Sends a row that passed its checks; a value the row record itself refuses (a control character) rejects it instead. */
final class Rows {
    private Rows() {
    }

    static void emit(RowSink sink, Fields f, Supplier<ImportedRow> row) {
        try {
            sink.row(row.get());
        } catch (IllegalArgumentException e) {
            f.reject("", null, e.getMessage());
            sink.rejected(f.rejection().orElseThrow());
        }
    }
}
