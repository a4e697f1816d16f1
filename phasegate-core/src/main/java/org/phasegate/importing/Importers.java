package org.phasegate.importing;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The reader for a kind of import and a file: ACLED's monthly JSON or its event CSV (by the file's extension), the others by kind. */
public final class Importers {
    private Importers() {
    }

    /** The reader; {@code mapping} is required for {@link ImportKind#CSV} and ignored otherwise. */
    public static SourceReader reader(ImportKind kind, Path file, Optional<CsvMapping> mapping) {
        return switch (kind) {
            case ACLED -> isJson(file) ? new AcledMonthlyReader() : new AcledCsvReader();
            case CASUALTIES -> new CasualtiesReader();
            case UCDP -> new UcdpReader();
            case GEOJSON -> new GeoJsonReader();
            case CSV -> new MappedCsvReader(mapping.orElseThrow(() -> new IllegalArgumentException("import csv needs a mapping file")));
        };
    }

    static boolean isJson(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }
}
