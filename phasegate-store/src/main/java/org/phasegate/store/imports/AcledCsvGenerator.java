package org.phasegate.store.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.phasegate.importing.AcledAdmin2;

/**
 * Writes a synthetic file in ACLED's event-level CSV format for the import benchmark: the export's 23 columns, every
 * governorate of {@link AcledAdmin2}, quoted notes of about 150 characters with commas (as ACLED's are), seeded so
 * every run writes the same bytes. Not data: the numbers mean nothing.
 */
public final class AcledCsvGenerator {
    static final String HEADER = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,actor2,interaction,"
            + "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";
    private static final List<String> TYPES = List.of("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots");
    private static final List<String> SUBTYPES = List.of("Armed clash", "Air/drone strike", "Shelling/artillery/missile attack", "Attack", "Peaceful protest");
    private static final List<String> ACTORS = List.of("Military Forces of Israel (2022-)", "Hamas Movement", "Civilians (Palestine)",
            "Palestinian Islamic Jihad", "Protesters (Palestine)");

    private AcledCsvGenerator() {
    }

    public static void write(Path file, long rows, long seed) throws IOException {
        var rnd = new SplittableRandom(seed);
        var start = LocalDate.of(2023, 10, 7);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            var line = new StringBuilder(512);
            for (long i = 1; i <= rows; i++) {
                var g = AcledAdmin2.TABLE.get(rnd.nextInt(AcledAdmin2.TABLE.size()));
                int t = rnd.nextInt(TYPES.size());
                var date = start.plusDays(rnd.nextInt(900));
                line.setLength(0);
                line.append("PSE").append(i).append(',').append(date).append(',').append(date.getYear()).append(",1,Political violence,")
                        .append(TYPES.get(t)).append(',').append(SUBTYPES.get(t)).append(",\"").append(ACTORS.get(rnd.nextInt(ACTORS.size())))
                        .append("\",\"").append(ACTORS.get(rnd.nextInt(ACTORS.size()))).append("\",13,").append(g.acledAdmin1()).append(',')
                        .append(g.acledAdmin2()).append(",,").append(g.acledAdmin2()).append(" - Block ").append(rnd.nextInt(90)).append(',')
                        .append(String.format("%.4f,%.4f", 31.2 + rnd.nextDouble() * 1.3, 34.2 + rnd.nextDouble() * 1.2))
                        .append(",1,Local Source; Newspaper,Local partner-National,\"On ").append(date)
                        .append(", a synthetic event was generated for the import benchmark, with a note of ordinary length, commas, and a quoted \"\"word\"\".\",")
                        .append(rnd.nextInt(6)).append(",,").append(1_700_000_000L + i).append('\n');
                w.append(line);
            }
        }
    }
}
