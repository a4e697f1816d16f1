package org.phasegate.server;

import com.github.benmanes.caffeine.cache.Cache;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.phasegate.store.imports.ImportedSeries;

/**
 * Imported series for the map: {@code GET /series/acled?dataset=&month=&measure=&admin1=}, one ACLED monthly dataset's
 * value per governorate p-code for a month, from the rows imported into the store. Kept per (dataset, ledger state),
 * the last 16, each loaded once however many ask: every import is a ledger entry, so the last entry's number names what
 * is stored.
 */
final class SeriesRoutes {
    static final List<String> ACLED = List.of("political-violence", "civilian-targeting", "demonstrations");
    private final ApiContext c;
    private final Cache<String, AcledSeries> loaded = Caches.entries(16);

    SeriesRoutes(ApiContext c) {
        this.c = c;
    }

    void acled(Context ctx) {
        var kind = Query.text(ctx, "dataset", 40).orElse("political-violence");
        if (!ACLED.contains(kind)) throw ApiProblem.field("dataset", kind, "is not an ACLED monthly dataset; give one of: " + String.join(", ", ACLED));
        var measure = Query.text(ctx, "measure", 40).orElse("events");
        if (!AcledSeries.MEASURES.contains(measure)) throw ApiProblem.field("measure", measure, "give events or fatalities");
        var admin1 = Query.text(ctx, "admin1", 10).orElse(GeoLayers.GAZA);
        if (!admin1.matches("PS|PS01|PS02")) throw ApiProblem.field("admin1", admin1, "give PS02 (Gaza Strip), PS01 (West Bank) or PS (both)");
        var month = Query.text(ctx, "month", 10).map(SeriesRoutes::month);
        var series = series("acled-monthly-" + kind);
        if (series.byMonth().isEmpty()) {
            throw ApiProblem.notFound("dataset acled-monthly-" + kind + " has no rows in this store that count (imported as corroborated or verified);"
                    + " import it (phasegate import acled FILE; the demo imports ../shared/data/events)");
        }
        Json.reply(ctx, 200, series.month(month.orElse(series.byMonth().lastKey()), measure, admin1));
    }

    private AcledSeries series(String dataset) {
        var key = dataset + "@" + c.store().ledger().lastSeq();
        return loaded.get(key, k -> AcledSeries.of(dataset, ImportedSeries.load(c.store().database().dataSource(), Set.of(dataset),
                c.scenarios().storedEntry().scenario().imports())));
    }

    private static YearMonth month(String v) {
        try {
            if (v.length() == 7) return YearMonth.parse(v);
        } catch (DateTimeParseException e) {
            // the message below says what to give
        }
        throw ApiProblem.field("month", v, "is not a month; give YYYY-MM, e.g. 2025-10");
    }
}
