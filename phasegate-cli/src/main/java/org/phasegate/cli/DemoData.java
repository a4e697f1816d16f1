package org.phasegate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.phasegate.importing.ImportKind;
import org.phasegate.importing.Importers;
import org.phasegate.scenario.ImportPolicy;
import org.phasegate.store.Store;
import org.phasegate.store.imports.ImportRequest;
import org.phasegate.store.ledger.Actor;

/**
 * The real data the demo loads at start (read where it lies, ../shared/data by default; never copied into the
 * repository): ACLED's monthly files, the daily casualty series and the GeoJSON places, each one import. What is
 * not there is named in the summary line, and the rest goes on.
 */
final class DemoData {
    /** The files the demo looks for, relative to the data directory, and their kind. */
    static final List<Known> FILES = List.of(new Known("events/acled-monthly-political-violence.json", ImportKind.ACLED),
            new Known("events/acled-monthly-civilian-targeting.json", ImportKind.ACLED), new Known("events/acled-monthly-demonstrations.json", ImportKind.ACLED),
            new Known("events/gaza-casualties-daily.json", ImportKind.CASUALTIES), new Known("geo/ocha-admin1.geojson", ImportKind.GEOJSON),
            new Known("geo/ocha-admin2.geojson", ImportKind.GEOJSON), new Known("geo/gaza-municipalities-osm.geojson", ImportKind.GEOJSON),
            new Known("geo/idf-zone-2025-10-19.geojson", ImportKind.GEOJSON));

    record Known(String path, ImportKind kind) {
    }

    /** What was loaded: files, rows, each dataset's last period, and the files that were not there. */
    record Summary(Path dataDir, int files, long rows, TreeMap<String, String> upTo, List<String> missing) {
        String line() {
            var last = upTo.isEmpty() ? "" : "; data up to " + String.join(", ", upTo.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
            var gone = missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing);
            return String.format("real data: %d of %d files from %s imported, %,d rows, one signed ledger entry each%s%s", files, FILES.size(), dataDir, rows, last, gone);
        }
    }

    private DemoData() {
    }

    static Path defaultDir() {
        return Home.dir().resolve("../shared/data").normalize();
    }

    /** Imports every known file present in {@code dataDir} into the store as {@code importer} (a monitor), under the scenario's policy. */
    static Summary load(Store store, Actor importer, Path dataDir, ImportPolicy policy) {
        int files = 0;
        long rows = 0;
        var upTo = new TreeMap<String, String>();
        var missing = new ArrayList<String>();
        for (var k : FILES) {
            var file = dataDir.resolve(k.path());
            if (!Files.isRegularFile(file)) {
                missing.add(k.path());
                continue;
            }
            var request = new ImportRequest(k.kind(), file.toString(), ImportFile.sha256(file), policy.ruleFor(k.kind().wireName()), false, false);
            var o = store.importer().run(importer, Importers.reader(k.kind(), file, Optional.empty()), () -> Files.newInputStream(file), request);
            files++;
            rows += o.added();
            o.lastPeriod().ifPresent(p -> upTo.merge(o.dataset().id().startsWith("acled") ? "ACLED" : o.dataset().id(), p, (a, b) -> a.compareTo(b) >= 0 ? a : b));
        }
        return new Summary(dataDir, files, rows, upTo, missing);
    }
}
