package org.phasegate.server;

import org.phasegate.scenario.Scenario;
import org.phasegate.store.Store;
import org.phasegate.store.imports.ImportedSeries;

/**
 * The imported series a scenario's measures read ({@code import: DATASET}), for status and forecasts: public data
 * (an outside publisher's, under its licence), the same for every caller, so no role sees more than another.
 */
final class ImportedRows {
    private ImportedRows() {
    }

    static ImportedSeries of(Store store, Scenario scenario) {
        return ImportedSeries.datasets(scenario).isEmpty() ? ImportedSeries.EMPTY : ImportedSeries.load(store.database().dataSource(), scenario);
    }
}
