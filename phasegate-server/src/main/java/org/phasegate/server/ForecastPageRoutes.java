package org.phasegate.server;

import com.github.benmanes.caffeine.cache.Cache;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.phasegate.forecast.Assumed;
import org.phasegate.forecast.AssumptionSet;

/**
 * The forecast page's routes: the bundled sets, each set's default forecast (with its tornado) and its history and
 * scores from a backtest, computed in the background from the public view and polled (202 with progress until done);
 * and the lever re-run, answered at once: the default forecast's runs and seed with some levers moved, without the
 * tornado, kept by its inputs. See docs/api.md, "Forecast page".
 */
final class ForecastPageRoutes {
    static final int LEVER_CACHE = 64;
    private final ApiContext c;
    private final PublicForecasts forecasts;
    private final Background background = new Background();
    private final Cache<String, String> leverRuns = Caches.entries(LEVER_CACHE);

    ForecastPageRoutes(ApiContext c) {
        this.c = c;
        this.forecasts = new PublicForecasts(c);
    }

    void sets(Context ctx) {
        var entry = c.scenarios().stored(ctx.pathParam("id"));
        var n = Json.object().put("scenario", entry.id()).put("view", "public").put("runs", PublicForecasts.RUNS).put("seed", PublicForecasts.SEED)
                .put("tornadoRunsPerArm", PublicForecasts.TORNADO_RUNS).put("historyRunsPerDate", PublicForecasts.HISTORY_RUNS);
        PublicForecasts.setNames(entry).forEach(n.putArray("sets")::add);
        Json.reply(ctx, 200, n);
    }

    void forecast(Context ctx) {
        var in = forecasts.inputs(ctx.pathParam("id"), ctx.pathParam("set"));
        reply(ctx, background.of("forecast|" + in.key(), PublicForecasts.defaultWork(in), p -> forecasts.byDefault(in, p)));
    }

    void history(Context ctx) {
        var in = forecasts.inputs(ctx.pathParam("id"), ctx.pathParam("set"));
        var ucdp = Datasets.KNOWN.stream().filter(d -> d.id().equals("ucdp-pad")).findFirst().flatMap(d -> c.datasets().file(d))
                .orElseThrow(() -> ApiProblem.of(409, "data missing", "the backtest's base rate needs the UCDP Peace Agreement Dataset "
                        + "(agreements/ucdp-pad-1975-2004.csv), which the server's data directory lacks; start the server with --data DIR holding it"));
        long dates = PublicForecasts.plan(in).asOfDates().size();
        reply(ctx, background.of("history|" + in.key(), dates, p -> forecasts.history(in, ucdp, p::accept)));
    }

    void levers(Context ctx) {
        var in = forecasts.inputs(ctx.pathParam("id"), ctx.pathParam("set"));
        var levers = levers(Body.of(ctx, Set.of("set")), in.set());
        var key = in.key() + "|" + levers;
        var ran = new AtomicBoolean();   // requests with the same levers arriving meanwhile wait for this one run
        var json = leverRuns.get(key, k -> {
            ran.set(true);
            c.computations().leverRuns.increment();
            return forecasts.withLevers(in, levers);
        });
        if (!ran.get()) ctx.header("X-Phasegate-Cache", "hit");
        Json.reply(ctx, 200, json);
    }

    /**
     * The body's {@code set}: lever names of the set to values inside their ranges (a discrete lever: one of its
     * values); anything else is refused.
     */
    static Map<String, Double> levers(Body body, AssumptionSet set) {
        var out = new TreeMap<String, Double>();
        var node = body.node().get("set");
        if (node == null || node.isNull()) return out;
        if (!node.isObject()) throw ApiProblem.field("set", node.toString(), "must be an object of lever name to number, e.g. {\"buyback-price-usd\": 1500}");
        var names = set.assumptions().stream().filter(a -> a.kind() == Assumed.Kind.LEVER).map(Assumed::id).toList();
        for (var e : node.properties()) {
            var field = "set." + e.getKey();
            var lever = set.find(e.getKey()).filter(a -> a.kind() == Assumed.Kind.LEVER)
                    .orElseThrow(() -> ApiProblem.field(field, e.getKey(), "is not a lever of the set " + set.name() + "; its levers are: " + String.join(", ", names)));
            var v = e.getValue();
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) throw ApiProblem.field(field, v.toString(), "must be a number, not " + Body.kind(v));
            if (!lever.inRange(v.asDouble())) {
                throw ApiProblem.field(field, v.toString(), "must be between " + lever.low() + " and " + lever.high() + " (" + lever.unit() + ")");
            }
            if (!lever.allows(v.asDouble())) {
                throw ApiProblem.field(field, v.toString(), "the lever " + e.getKey() + " switches " + lever.switches().orElseThrow()
                        + " off or on: give " + AssumptionSet.discrete(lever) + " (" + lever.unit() + "), not " + v);
            }
            out.put(e.getKey(), v.asDouble());
        }
        return out;
    }

    private static void reply(Context ctx, Background.Task task) {
        if (task.error != null) throw ApiProblem.of(500, "computation failed", "the computation failed on the server: " + task.error);
        if (task.result != null) {
            Json.reply(ctx, 200, task.result);
            return;
        }
        ctx.header("Retry-After", "1");
        Json.reply(ctx, 202, Json.object().put("state", "computing").put("done", task.done.get()).put("total", task.total));
    }
}
