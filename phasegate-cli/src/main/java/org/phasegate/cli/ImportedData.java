package org.phasegate.cli;

import java.io.PrintWriter;
import java.util.stream.Collectors;
import org.phasegate.scenario.Measure;
import org.phasegate.scenario.Scenario;
import org.phasegate.store.Store;
import org.phasegate.store.imports.ImportedSeries;

/** The imported rows a scenario's import measures read, from the store, and the line that says how far they go. */
final class ImportedData {
    private ImportedData() {
    }

    static ImportedSeries load(Store s, Scenario scenario) {
        var datasets = scenario.measures().stream().flatMap(m -> m.imported().stream()).collect(Collectors.toSet());
        s.importer();   // audits the store first: nothing is read from a store whose rows do not match its ledger
        return ImportedSeries.load(s.database().dataSource(), datasets);
    }

    /** One line per dataset the scenario's measures read: rows counted, the last period, and rows not counted. */
    static void print(Scenario scenario, ImportedSeries series, PrintWriter out) {
        for (var m : scenario.measures()) {
            if (m.imported().isEmpty()) continue;
            var c = series.coverage().get(m.imported().get());
            out.printf("imported data: measure %s reads %s: %s%n", m.id(), m.imported().get(), describe(c));
        }
    }

    private static String describe(ImportedSeries.Coverage c) {
        if (c == null || c.counted() + c.notCounted() == 0) return "no rows imported (see: phasegate import --help); the measure counts 0";
        var counted = c.counted() == 0 ? "no rows counted" : String.format("%,d rows counted, data up to %s", c.counted(), c.lastPeriod().orElse("?"));
        var left = c.notCounted() == 0 ? "" : String.format("; %,d rows not counted (their import is only reported, or not a record)", c.notCounted());
        return counted + left + " (import state " + c.state() + ")";
    }

    static boolean readsImports(Measure m) {
        return m.imported().isPresent();
    }
}
