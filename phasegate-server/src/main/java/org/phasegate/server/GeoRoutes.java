package org.phasegate.server;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The map's base layers: {@code GET /geo/governorates} (Gaza's five OCHA governorates) and {@code GET /geo/zones} (the
 * October 2025 IDF-held zone). Read from the server's data directory once and kept: the files do not change while it
 * runs. A missing file is a 404 that says where it comes from; for the governorates, the Natural Earth outline stands in
 * ({@link FallbackOutline}), flagged as such. {@code GET /geo/imported}: the places imported into the store
 * ({@code phasegate import geojson}), read through the store's audit and kept until the next import.
 */
final class GeoRoutes {
    private final ApiContext c;
    private final ConcurrentHashMap<String, String> answers = new ConcurrentHashMap<>();
    private final AtomicReference<Imported> imported = new AtomicReference<>(new Imported(-1, java.util.List.of()));

    /** The imported places as of the newest import (a full read of the rows is not repeated for every other entry). */
    private record Imported(long latestImport, java.util.List<org.phasegate.store.imports.ImportedPlaces.Place> places) {
    }

    GeoRoutes(ApiContext c) {
        this.c = c;
    }

    /** The OCHA governorates; without the file, the bundled Natural Earth outline of the Strip, flagged {@code fallback}. */
    void governorates(Context ctx) {
        var d = dataset("ocha-admin2");
        var file = c.datasets().file(d);
        if (file.isPresent()) {
            Json.reply(ctx, 200, answers.computeIfAbsent("governorates", k -> Json.write(GeoLayers.governorates(file.get(), d))));
            return;
        }
        var fallback = answers.computeIfAbsent("fallback", k -> FallbackOutline.gaza().map(Json::write).orElse(""));
        if (fallback.isEmpty()) {
            throw ApiProblem.notFound("dataset ocha-admin2 (" + d.file() + ") is not in this server's data directory and this build bundles no"
                    + " fallback outline (npm could not fetch world-atlas when it was built); start the server with --data DIR or PHASEGATE_DATA");
        }
        Json.reply(ctx, 200, fallback);
    }

    void zones(Context ctx) {
        var d = dataset("idf-zone-2025-10-19");
        var file = c.datasets().file(d).orElseThrow(() -> missing(d));
        Json.reply(ctx, 200, answers.computeIfAbsent("zones", k -> Json.write(GeoLayers.zones(file, d))));
    }

    /** Every imported place with a geometry, or one dataset's ({@code ?dataset=}); a dataset with none is a 404 naming those that have some. */
    void imported(Context ctx) {
        var dataset = Query.text(ctx, "dataset", 200);
        var places = places();
        if (dataset.isPresent()) {
            var mine = places.stream().filter(p -> p.dataset().equals(dataset.get())).toList();
            if (mine.isEmpty()) {
                var have = places.stream().map(org.phasegate.store.imports.ImportedPlaces.Place::dataset).distinct().collect(Collectors.joining(", "));
                throw ApiProblem.notFound("no imported places in dataset " + org.phasegate.problem.Quote.of(dataset.get()) + "; "
                        + (have.isEmpty() ? "this store holds none" : "datasets with places: " + have)
                        + " (import a GeoJSON file with: phasegate import geojson FILE --as USER)");
            }
            places = mine;
        }
        Json.reply(ctx, 200, GeoLayers.imported(places));
    }

    private java.util.List<org.phasegate.store.imports.ImportedPlaces.Place> places() {
        long seq = org.phasegate.store.imports.ImportedPlaces.latestImport(c.store().database().dataSource());
        var cached = imported.get();
        if (cached.latestImport() == seq) return cached.places();
        var fresh = new Imported(seq, c.store().importedPlaces(Optional.empty()));
        imported.compareAndSet(cached, fresh);
        return fresh.places();
    }

    static Datasets.Dataset dataset(String id) {
        return Datasets.KNOWN.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    private static ApiProblem missing(Datasets.Dataset d) {
        return ApiProblem.notFound("dataset " + d.id() + " (" + d.file() + ") is not in this server's data directory; it comes from " + d.source()
                + " (start the server with --data DIR or PHASEGATE_DATA)");
    }
}
