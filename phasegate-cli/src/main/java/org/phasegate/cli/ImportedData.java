package org.phasegate.cli;

import java.io.PrintWriter;
import java.util.List;
import org.phasegate.importing.DataUpTo;
import org.phasegate.scenario.Measure;
import org.phasegate.scenario.Scenario;
import org.phasegate.store.Store;
import org.phasegate.store.imports.ImportedSeries;

/** The imported rows a scenario's import measures read, from the store, and the lines that say how far they go. */
final class ImportedData {
    private ImportedData() {
    }

    static ImportedSeries load(Store s, Scenario scenario) {
        s.importer();   // audits the store first: nothing is read from a store whose rows do not match its ledger
        return ImportedSeries.load(s.database().dataSource(), scenario);
    }

    /** One line per measure that reads a dataset: rows counted, the last period, and rows not counted. */
    static void print(List<DataUpTo> lines, PrintWriter out) {
        for (var d : lines) out.println(d.line());
    }

    static boolean readsImports(Measure m) {
        return m.imported().isPresent();
    }
}
