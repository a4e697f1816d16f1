package org.phasegate.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real public datasets the server can serve, read from a data directory (never copied into the repository):
 * {@code --data DIR}, else {@code PHASEGATE_DATA}, else {@code ../shared/data} beside the checkout when it exists.
 * Each says where it comes from, so a missing one can be fetched from its source.
 */
public record Datasets(Optional<Path> dir) {
    public record Dataset(String id, String file, String mediaType, String what, String source) {
    }

    public static final List<Dataset> KNOWN = List.of(
            new Dataset("ocha-admin1", "geo/ocha-admin1.geojson", "application/geo+json", "West Bank and Gaza Strip outlines",
                    "OCHA common operational datasets (2023-10-19), CC BY-IGO"),
            new Dataset("ocha-admin2", "geo/ocha-admin2.geojson", "application/geo+json", "governorates with OCHA p-codes (PS0255..PS0275 in Gaza)",
                    "OCHA common operational datasets (2023-10-19), CC BY-IGO"),
            new Dataset("gaza-municipalities", "geo/gaza-municipalities-osm.geojson", "application/geo+json", "46 municipality polygons",
                    "OpenStreetMap (ODbL), via mushon/nibal"),
            new Dataset("idf-zone-2025-10-19", "geo/idf-zone-2025-10-19.geojson", "application/geo+json", "area under IDF control after the October 2025 ceasefire",
                    "published IDF map, digitised by mushon/nibal (MIT)"),
            new Dataset("acled-political-violence", "events/acled-monthly-political-violence.json", "application/json", "ACLED monthly events and fatalities per governorate",
                    "ACLED via HDX; ACLED Terms of Use, attribution required"),
            new Dataset("acled-civilian-targeting", "events/acled-monthly-civilian-targeting.json", "application/json", "ACLED monthly civilian targeting per governorate",
                    "ACLED via HDX; ACLED Terms of Use, attribution required"),
            new Dataset("acled-demonstrations", "events/acled-monthly-demonstrations.json", "application/json", "ACLED monthly demonstrations per governorate",
                    "ACLED via HDX; ACLED Terms of Use, attribution required"),
            new Dataset("gaza-casualties-daily", "events/gaza-casualties-daily.json", "application/json", "daily killed and injured, Gaza Ministry of Health",
                    "TechForPalestine/palestine-datasets; Unlicense"),
            new Dataset("ucdp-pad", "agreements/ucdp-pad-1975-2004.csv", "text/csv", "227 peace agreements 1975-2004 with their fate",
                    "UCDP Peace Agreement Dataset v22.1 (CC BY 4.0)"),
            new Dataset("pax-v9", "agreements/pax-v9.csv", "text/csv", "2,144 peace agreements 1990-2024 (PA-X v9)", "PA-X v9, University of Edinburgh"));

    /** The directory: the option, else the environment's PHASEGATE_DATA, else {@code home/../shared/data} if it exists. */
    public static Datasets locate(Optional<Path> option, Map<String, String> env, Path home) {
        if (option.isPresent()) return new Datasets(option);
        var fromEnv = env.get("PHASEGATE_DATA");
        if (fromEnv != null && !fromEnv.isBlank()) return new Datasets(Optional.of(Path.of(fromEnv)));
        var shared = home.toAbsolutePath().normalize().resolveSibling("shared").resolve("data");
        return new Datasets(Files.isDirectory(shared) ? Optional.of(shared) : Optional.empty());
    }

    public Optional<Path> file(Dataset d) {
        return dir.map(x -> x.resolve(d.file())).filter(Files::isRegularFile);
    }

    public List<Dataset> present() {
        return KNOWN.stream().filter(d -> file(d).isPresent()).toList();
    }

    public List<Dataset> missing() {
        return KNOWN.stream().filter(d -> file(d).isEmpty()).toList();
    }
}
