package org.phasegate.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.phasegate.evidence.Confidentiality;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.gate.GateEngine;
import org.phasegate.gate.StatusJson;
import org.phasegate.problem.Quote;
import org.phasegate.store.imports.ImportedSeries;

/** For the store's scenario: status, gates and "why not" as of a date, over the verified records the caller may see. */
final class StatusRoutes {
    private final ApiContext c;
    private final Evidence evidence;
    private final PublicStatus publicStatus;

    StatusRoutes(ApiContext c) {
        this.c = c;
        this.evidence = new Evidence(c.store());
        this.publicStatus = new PublicStatus(key -> {
            c.computations().publicStatuses.increment();
            var e = c.scenarios().storedEntry();
            return render(e, evidence.verified(Optional.empty()), ImportedRows.of(c.store(), e.scenario()), key.asOf());
        });
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
     * The status JSON. The public view's comes from {@link PublicStatus} (the default as-of, "now", taken to the
     * second; asking for it also starts the next second's); a view with restricted records is computed afresh, as
     * reading it is audited each time.
     */
    private String statusJson(Context ctx) {
        var e = c.scenarios().stored(ctx.pathParam("id"));
        var explicit = Query.instant(ctx, "asOf");
        Instant asOf = explicit.orElse(c.clock().instant().truncatedTo(ChronoUnit.SECONDS));
        var actor = Caller.of(ctx).actor();
        if (actor.isPresent() && actor.get().role().seesRecord(Confidentiality.RESTRICTED)) {
            return render(e, evidence.verified(actor), ImportedRows.of(c.store(), e.scenario()), asOf);
        }
        long seq = c.store().ledger().lastSeq();
        var answer = publicStatus.start(new PublicStatus.Key(seq, asOf));
        if (explicit.isEmpty()) publicStatus.start(new PublicStatus.Key(seq, asOf.plusSeconds(1)));
        return PublicStatus.join(answer);
    }

    private static String render(ScenarioSet.Entry e, List<EvidenceRecord> records, ImportedSeries imported, Instant asOf) {
        try {
            return StatusJson.render(new GateEngine(e.scenario()).status(records, imported.records(), asOf), imported.dataUpTo(e.scenario(), asOf));
        } catch (JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
    }
}
