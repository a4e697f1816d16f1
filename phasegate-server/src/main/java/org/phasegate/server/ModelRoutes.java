package org.phasegate.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import io.javalin.http.Context;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.phasegate.bargain.IssueYamlReader;
import org.phasegate.bargain.ResultFormats;
import org.phasegate.bargain.Smp;
import org.phasegate.forecast.AssumptionSetReader;
import org.phasegate.forecast.Defaults;
import org.phasegate.forecast.ForecastJson;
import org.phasegate.forecast.ForecastOptions;
import org.phasegate.forecast.Forecaster;
import org.phasegate.forecast.StartingState;
import org.phasegate.problem.Quote;

/**
 * Forecasts and bargaining. A forecast runs on the store's verified records (the caller's view) under a bundled
 * assumption set with overrides; its JSON is {@code forecast --format json}'s. Results are kept by their inputs
 * (including a SHA-256 of the records and imported rows read, {@link RecordsDigest}, so new evidence means a new run);
 * a run of more than {@link #SYNC_WORK} simulated paths is a job: 202 and the job's URL, polled for progress and the
 * result.
 */
final class ModelRoutes {
    static final long SYNC_WORK = 20_000;
    private static final Set<String> FIELDS = Set.of("assumptions", "set", "runs", "seed", "asOf", "by", "horizonDays", "sensitivityRuns", "phase");
    private final ApiContext c;
    private final Evidence evidence;
    private final Cache<String, String> answers = Caches.answers(Caches.ANSWER_CHARS);

    ModelRoutes(ApiContext c) {
        this.c = c;
        this.evidence = new Evidence(c.store());
    }

    void forecast(Context ctx) {
        var body = Body.of(ctx, FIELDS);
        var entry = c.scenarios().storedEntry();
        var name = body.required("assumptions", 64);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) throw ApiProblem.field("assumptions", name, "name a bundled assumption set, e.g. sceptic");
        var file = AssumptionSetReader.bundled(entry.file(), name);
        if (!Files.exists(file)) throw ApiProblem.field("assumptions", name, "no bundled set of that name beside " + entry.file().getFileName());
        var overrides = new TreeMap<String, String>();
        var set = body.node().get("set");
        if (set != null && !set.isNull()) {
            if (!set.isObject()) throw ApiProblem.field("set", set.toString(), "must be an object of assumption name to number");
            set.properties().forEach(e -> {
                if (!e.getValue().isNumber()) throw ApiProblem.field("set." + e.getKey(), e.getValue().toString(), "must be a number");
                overrides.put(e.getKey(), e.getValue().asText());
            });
        }
        int runs = body.integer("runs", 1, 1_000_000).orElse(10_000L).intValue();
        long seed = body.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE).orElse(1L);
        int horizon = body.integer("horizonDays", 1, 3650).orElse(730L).intValue();
        int sensitivity = body.integer("sensitivityRuns", 0, 100_000).orElse((long) Math.min(runs, 2000)).intValue();
        Instant asOf = body.instant("asOf").orElse(c.clock().instant()).truncatedTo(ChronoUnit.DAYS);
        var by = body.strings("by", 20, 10).stream().map(s -> Query.date("by", s).orElseThrow()).toList();
        var phase = body.text("phase", 200);
        var caller = Caller.of(ctx);
        var scenario = entry.scenario();
        var assumptionSet = new AssumptionSetReader().load(file, scenario).override(overrides);
        var records = evidence.verified(caller.actor());
        var imported = ImportedRows.of(c.store(), scenario);
        var upTo = imported.dataUpTo(scenario, asOf);
        var key = String.join("|", name, overrides.toString(), Integer.toString(runs), Long.toString(seed), Integer.toString(horizon),
                Integer.toString(sensitivity), asOf.toString(), by.toString(), phase.orElse(""), RecordsDigest.of(records),
                RecordsDigest.of(imported.records()), upTo.toString());
        var cached = answers.getIfPresent(key);
        if (cached != null) {
            ctx.header("X-Phasegate-Cache", "hit");
            Json.reply(ctx, 200, cached);
            return;
        }
        var state = StartingState.of(scenario, records, imported.records(), asOf);
        var defaults = ForecastOptions.defaults(seed, runs);
        if (phase.isPresent() && scenario.phases().stream().noneMatch(p -> p.id().equals(phase.get()))) {
            throw ApiProblem.field("phase", phase.get(), "is not a phase of " + entry.id());
        }
        var options = new ForecastOptions(seed, runs, defaults.threads(), 7, horizon, by.isEmpty() ? Defaults.by(state) : by,
                phase.orElseGet(() -> Defaults.phase(scenario, state)), sensitivity, Optional.<LocalDate>empty());
        long work = runs + 2L * sensitivity * assumptionSet.assumptions().stream().filter(a -> a.high() > a.low()).count();
        Function<LongConsumer, String> run = progress -> {
            c.computations().forecasts.increment();
            return ForecastJson.render(new Forecaster().forecast(scenario, state, assumptionSet, options, progress), upTo);
        };
        if (work <= SYNC_WORK) {   // requests with the same inputs arriving meanwhile wait for this one run
            Json.reply(ctx, 200, answers.get(key, k -> run.apply(n -> { })));
            return;
        }
        var job = c.jobs().submit(caller.name(), work, progress -> answers.get(key, k -> run.apply(progress)));
        ctx.header("Location", Server.BASE + "/jobs/" + job.id);
        Json.reply(ctx, 202, jobJson(job));
    }

    void job(Context ctx) {
        var id = ctx.pathParam("id");
        var caller = Caller.of(ctx);
        var job = c.jobs().find(id).filter(j -> j.owner.equals(caller.name()) || caller.role() == ApiRole.ADMIN)
                .orElseThrow(() -> ApiProblem.notFound("no job " + Quote.of(id) + " of " + caller.name()));
        Json.reply(ctx, 200, jobJson(job));
    }

    private static ObjectNode jobJson(Jobs.Job job) {
        var n = Json.object().put("id", job.id).put("url", Server.BASE + "/jobs/" + job.id).put("created", job.created.toString())
                .put("total", job.total).put("done", job.done.get())
                .put("state", job.finished == null ? "running" : job.error == null ? "done" : "failed");
        if (job.finished != null) n.put("finished", job.finished.toString());
        if (job.error != null) n.put("error", job.error);
        if (job.result != null) n.set("result", Json.parse(job.result));
        return n;
    }

    /** The body is an issue file (YAML, as {@code phasegate bargain}); the answer is {@code bargain --json}'s. */
    void bargain(Context ctx) throws Exception {
        var text = ctx.body();
        if (text.isBlank()) throw ApiProblem.badRequest("send an issue file (YAML, see docs/bargaining.md) as the request body");
        var issue = IssueYamlReader.parse("request body", text);
        Json.reply(ctx, 200, ResultFormats.json(Smp.run(issue)));
    }
}
