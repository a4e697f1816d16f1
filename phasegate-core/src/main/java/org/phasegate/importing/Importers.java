package org.phasegate.importing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/** The reader for a kind of import and a file: ACLED's monthly JSON or its event CSV (by the file's extension), the others by kind. */
public final class Importers {
    private Importers() {
    }

    /** The reader, refusing rows dated after today by the system clock (see {@link #today(Clock)}). */
    public static SourceReader reader(ImportKind kind, Path file, Optional<CsvMapping> mapping) {
        return reader(kind, file, mapping, today(Clock.systemUTC()));
    }

    /**
     * The reader; {@code mapping} is required for {@link ImportKind#CSV} and ignored otherwise. A row dated after
     * {@code today} is rejected.
     */
    public static SourceReader reader(ImportKind kind, Path file, Optional<CsvMapping> mapping, LocalDate today) {
        return switch (kind) {
            case ACLED -> isJson(file) ? new AcledMonthlyReader(today) : new AcledCsvReader(today);
            case CASUALTIES -> new CasualtiesReader(today);
            case UCDP -> new UcdpReader(today);
            case GEOJSON -> new GeoJsonReader();
            case CSV -> new MappedCsvReader(mapping.orElseThrow(() -> new IllegalArgumentException("import csv needs a mapping file")), today);
        };
    }

    /**
     * Today where the day is furthest ahead (UTC+14): a source's dates are local days, so a row is "after today" only
     * when no time zone has reached its day yet, wherever the importer runs.
     */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.ofHours(14));
    }

    static boolean isJson(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }
}
