package org.phasegate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.phasegate.importing.ImportKind;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import org.phasegate.server.Datasets;
import org.phasegate.importing.Importers;
import org.phasegate.importing.Provenance;
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
    private static final String OCHA = "OCHA common operational datasets (valid 2023-10-19), via Zaidroid/palestine-data-backend";
    /**
     * The files the demo looks for, relative to the data directory, their kind, and the provenance ../shared/data/README.md
     * gives for what a file does not state itself (the GeoJSON files' licences and attributions).
     */
    static final List<Known> FILES = List.of(new Known("events/acled-monthly-political-violence.json", ImportKind.ACLED),
            new Known("events/acled-monthly-civilian-targeting.json", ImportKind.ACLED), new Known("events/acled-monthly-demonstrations.json", ImportKind.ACLED),
            new Known("events/gaza-casualties-daily.json", ImportKind.CASUALTIES),
            new Known("geo/ocha-admin1.geojson", ImportKind.GEOJSON, Provenance.of(null, "CC BY-IGO", OCHA)),
            new Known("geo/ocha-admin2.geojson", ImportKind.GEOJSON, Provenance.of(null, "CC BY-IGO", OCHA)),
            new Known("geo/gaza-municipalities-osm.geojson", ImportKind.GEOJSON, Provenance.of(null, null, "© OpenStreetMap contributors, via mushon/nibal")),
            new Known("geo/idf-zone-2025-10-19.geojson", ImportKind.GEOJSON, Provenance.of(null, "MIT", "published IDF map, digitised by mushon/nibal")));

    record Known(String path, ImportKind kind, Provenance given) {
        Known(String path, ImportKind kind) {
            this(path, kind, Provenance.NONE);
        }
    }

    /** What was loaded: files, rows, each dataset's last period, and the files that were not there. */
    record Summary(Optional<Path> dataDir, int files, long rows, TreeMap<String, String> upTo, List<String> missing) {
        String line() {
            if (dataDir.isEmpty()) return "real data: no data directory (give --data DIR or set PHASEGATE_DATA; ../shared/data beside the checkout is the default)";
            var last = upTo.isEmpty() ? "" : "; data up to " + String.join(", ", upTo.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
            var gone = missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing);
            return String.format("real data: %d of %d files from %s imported, %,d rows, one signed ledger entry each%s%s", files, FILES.size(), dataDir.get(), rows, last, gone);
        }
    }

    private DemoData() {
    }

    /** Where the real data is: {@code --data} (refused unless a directory), else {@code PHASEGATE_DATA}, else ../shared/data beside the checkout. */
    static Datasets locate(Path option, Map<String, String> env) {
        if (option != null && !Files.isDirectory(option)) {
            throw new InvalidInputException(new Problem("--data " + option, 0, 0, "no such directory", "name the folder that holds geo/, events/ and agreements/, or leave --data out"));
        }
        return Datasets.locate(Optional.ofNullable(option), env, Home.dir());
    }

    /** Imports every known file present in {@code dataDir} into the store as {@code importer} (a monitor), under the scenario's policy. */
    static Summary load(Store store, Actor importer, Optional<Path> dataDir, ImportPolicy policy) {
        if (dataDir.isEmpty()) return new Summary(dataDir, 0, 0, new TreeMap<>(), FILES.stream().map(Known::path).toList());
        int files = 0;
        long rows = 0;
        var upTo = new TreeMap<String, String>();
        var missing = new ArrayList<String>();
        for (var k : FILES) {
            var file = dataDir.get().resolve(k.path());
            if (!Files.isRegularFile(file)) {
                missing.add(k.path());
                continue;
            }
            var request = new ImportRequest(k.kind(), file.toString(), ImportFile.sha256(file), policy.ruleFor(k.kind().wireName()), false, false);
            var o = store.importer().run(importer, k.given().over(Importers.reader(k.kind(), file, Optional.empty())), () -> Files.newInputStream(file), request);
            files++;
            rows += o.added();
            o.lastPeriod().ifPresent(p -> upTo.merge(o.dataset().id().startsWith("acled") ? "ACLED" : o.dataset().id(), p, (a, b) -> a.compareTo(b) >= 0 ? a : b));
        }
        return new Summary(dataDir, files, rows, upTo, missing);
    }
}
