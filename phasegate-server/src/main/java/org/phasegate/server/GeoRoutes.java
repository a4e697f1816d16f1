package org.phasegate.server;

import io.javalin.http.Context;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The map's base layers: {@code GET /geo/governorates} (Gaza's five OCHA governorates) and {@code GET /geo/zones} (the
 * October 2025 IDF-held zone). Read from the server's data directory once and kept: the files do not change while it
 * runs. A missing file is a 404 that says where it comes from; for the governorates, the Natural Earth outline stands in
 * ({@link FallbackOutline}), flagged as such.
 */
final class GeoRoutes {
    private final ApiContext c;
    private final ConcurrentHashMap<String, String> answers = new ConcurrentHashMap<>();

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

    static Datasets.Dataset dataset(String id) {
        return Datasets.KNOWN.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    private static ApiProblem missing(Datasets.Dataset d) {
        return ApiProblem.notFound("dataset " + d.id() + " (" + d.file() + ") is not in this server's data directory; it comes from " + d.source()
                + " (start the server with --data DIR or PHASEGATE_DATA)");
    }
}
