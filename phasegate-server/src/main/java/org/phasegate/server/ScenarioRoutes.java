package org.phasegate.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import org.phasegate.gate.GateEngine;
import org.phasegate.gate.StatusJson;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Quote;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/** Scenarios (list, show, validate an upload) and, for the store's scenario, status, gates and "why not" as of a date. */
final class ScenarioRoutes {
    private final ApiContext c;
    private final Evidence evidence;

    ScenarioRoutes(ApiContext c) {
        this.c = c;
        this.evidence = new Evidence(c.store());
    }

    void list(Context ctx) {
        var a = Json.array();
        c.scenarios().byId().values().stream().sorted(java.util.Comparator.comparing(ScenarioSet.Entry::id))
                .forEach(e -> a.add(summary(e.id(), e.scenario()).put("stored", e.id().equals(c.scenarios().stored()))));
        Json.reply(ctx, 200, Json.object().set("scenarios", a));
    }

    void show(Context ctx) {
        var e = c.scenarios().get(ctx.pathParam("id"));
        var n = summary(e.id(), e.scenario());
        var s = e.scenario();
        s.parties().forEach(p -> n.withArray("partyIds").add(p.id()));
        s.phases().forEach(p -> n.withArray("phaseIds").add(p.id()));
        s.gates().forEach(g -> n.withArray("gateIds").add(g.id()));
        s.obligations().forEach(o -> n.withArray("obligationIds").add(o.id()));
        Json.reply(ctx, 200, n);
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode summary(String id, Scenario s) {
        return Json.object().put("id", id).put("scenarioId", s.id()).put("title", s.title()).put("parties", s.parties().size())
                .put("phases", s.phases().size()).put("obligations", s.obligations().size()).put("gates", s.gates().size())
                .put("sources", s.sources().size());
    }

    /** The body is scenario YAML; the answer lists every located problem (200 either way: the upload was read). */
    void validate(Context ctx) {
        var yaml = ctx.body();
        if (yaml.isBlank()) throw ApiProblem.badRequest("send the scenario YAML as the request body");
        try {
            var s = new ScenarioLoader().parse("upload.yaml", yaml);
            Json.reply(ctx, 200, summary("upload", s).put("valid", true).set("problems", Json.array()));
        } catch (InvalidInputException e) {
            var a = Json.array();
            e.problems().stream().limit(200).forEach(p -> a.addObject().put("line", p.line()).put("column", p.column())
                    .put("message", p.message()).put("hint", p.hint()).put("text", p.render()));
            Json.reply(ctx, 200, Json.object().put("valid", false).put("problemCount", e.problems().size()).set("problems", a));
        }
    }

    void status(Context ctx) {
        Json.reply(ctx, 200, statusJson(ctx));
    }

    void gates(Context ctx) {
        var status = Json.parse(statusJson(ctx));
        Json.reply(ctx, 200, Json.object().put("scenario", status.path("scenario").asText()).put("asOf", status.path("asOf").asText())
                .set("gates", status.path("gates")));
    }

    void whyNot(Context ctx) {
        var gate = ctx.pathParam("gate");
        var status = Json.parse(statusJson(ctx));
        for (JsonNode g : status.path("gates")) {
            if (g.path("id").asText().equals(gate)) {
                Json.reply(ctx, 200, Json.object().put("asOf", status.path("asOf").asText()).put("gate", gate)
                        .put("open", g.path("open").asBoolean()).set("why", g.path("why")));
                return;
            }
        }
        throw ApiProblem.notFound("no gate " + Quote.of(gate) + " in " + status.path("scenario").asText() + "; see the gates at " + Server.BASE
                + "/scenarios/" + ctx.pathParam("id") + "/gates");
    }

    /**
     * The status JSON. The public view's is kept by (last ledger entry, as-of instant), so it is computed once per
     * change of the ledger and per second of "now" (the default as-of, taken to the second); a view with restricted
     * records is computed afresh, as reading it is audited each time. Asking for "now" also starts the next second's
     * computation in the background, so the requests of a new second do not all wait for it.
     */
    private String statusJson(Context ctx) {
        var e = c.scenarios().stored(ctx.pathParam("id"));
        var explicit = Query.instant(ctx, "asOf");
        Instant asOf = explicit.orElse(c.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        var actor = Caller.of(ctx).actor();
        boolean restricted = actor.isPresent() && actor.get().role().seesRecord(org.phasegate.evidence.Confidentiality.RESTRICTED);
        if (restricted) return render(e, evidence.verified(actor), ImportedRows.of(c.store(), e.scenario()), asOf);
        long seq = c.store().ledger().lastSeq();
        if (publicStatus.size() > 64) publicStatus.clear();
        var answer = publicStatus(e, actor, seq, asOf);
        if (explicit.isEmpty()) publicStatus(e, actor, seq, asOf.plusSeconds(1));
        try {
            return answer.join();
        } catch (java.util.concurrent.CompletionException x) {
            if (x.getCause() instanceof RuntimeException r) throw r;
            throw x;
        }
    }

    /** One computation per key: requests arriving meanwhile wait for it rather than compute it again. */
    private java.util.concurrent.CompletableFuture<String> publicStatus(ScenarioSet.Entry e, java.util.Optional<org.phasegate.store.ledger.Actor> actor,
                                                                       long seq, Instant asOf) {
        return publicStatus.computeIfAbsent(seq + "@" + asOf, k -> java.util.concurrent.CompletableFuture.supplyAsync(
                () -> render(e, evidence.verified(actor), ImportedRows.of(c.store(), e.scenario()), asOf), r -> Thread.ofVirtual().start(r)));
    }

    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.CompletableFuture<String>> publicStatus =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static String render(ScenarioSet.Entry e, java.util.List<org.phasegate.evidence.EvidenceRecord> records,
                                 org.phasegate.store.imports.ImportedSeries imported, Instant asOf) {
        try {
            return StatusJson.render(new GateEngine(e.scenario()).status(records, imported.records(), asOf), imported.dataUpTo(e.scenario(), asOf));
        } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
    }
}
