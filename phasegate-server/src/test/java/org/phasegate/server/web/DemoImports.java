package org.phasegate.server.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.phasegate.importing.ImportKind;
import org.phasegate.importing.Importers;
import org.phasegate.scenario.Scenario;
import org.phasegate.store.Store;
import org.phasegate.store.crypto.Hashes;
import org.phasegate.store.imports.ImportRequest;
import org.phasegate.store.ledger.Actor;

/**
 * The real series the demo imports at start that the dashboard's pages read from the store (the Map's ACLED
 * choropleth): ACLED's three monthly files of ../shared/data, each one import under the scenario's policy, as
 * {@code DemoData} does for {@code phasegate demo}. Files not there are skipped (the pages then say the series is missing).
 */
final class DemoImports {
    static final List<String> ACLED = List.of("events/acled-monthly-political-violence.json", "events/acled-monthly-civilian-targeting.json",
            "events/acled-monthly-demonstrations.json");

    private DemoImports() {
    }

    static void load(Store store, Actor monitor, Scenario scenario, Path dataDir) {
        for (var relative : ACLED) {
            var file = dataDir.resolve(relative);
            if (!Files.isRegularFile(file)) continue;
            try {
                var request = new ImportRequest(ImportKind.ACLED, file.toString(), Hashes.hex(Hashes.sha256(Files.readAllBytes(file))),
                        scenario.imports().ruleFor(ImportKind.ACLED.wireName()), false, false);
                store.importer().run(monitor, Importers.reader(ImportKind.ACLED, file, Optional.empty()), () -> Files.newInputStream(file), request);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
