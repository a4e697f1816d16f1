package org.phasegate.server;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;
import org.phasegate.evidence.Confidentiality;
import org.phasegate.gate.EvidenceBehind;
import org.phasegate.gate.GateEngine;

/**
 * {@code GET /scenarios/{id}/timeline?asOf=}: the obligations, gates and history the Timeline and Compliance pages draw,
 * over the verified records the caller may see and the imported series the scenario's measures read (public data, the
 * same for every caller: an obligation measured over one moves as its rows' periods end; {@code importedData} says up
 * to when each runs, as status does). The public view's answer is kept per (ledger state, as-of second), as
 * the status is; a view with restricted records is computed afresh (each such read is audited).
 */
final class TimelineRoutes {
    private final ApiContext c;
    private final Evidence evidence;
    private final ConcurrentHashMap<String, String> publicAnswers = new ConcurrentHashMap<>();

    TimelineRoutes(ApiContext c) {
        this.c = c;
        this.evidence = new Evidence(c.store());
    }

    void timeline(Context ctx) {
        var e = c.scenarios().stored(ctx.pathParam("id"));
        Instant asOf = Query.instant(ctx, "asOf").orElse(c.clock().instant().truncatedTo(ChronoUnit.SECONDS));
        var actor = Caller.of(ctx).actor();
        if (actor.isPresent() && actor.get().role().seesRecord(Confidentiality.RESTRICTED)) {
            Json.reply(ctx, 200, render(e, evidence.verified(actor), ImportedRows.of(c.store(), e.scenario()), asOf));
            return;
        }
        var key = c.store().ledger().lastSeq() + "@" + asOf;
        if (publicAnswers.size() > 64) publicAnswers.clear();
        Json.reply(ctx, 200, publicAnswers.computeIfAbsent(key, k -> render(e, evidence.verified(actor), ImportedRows.of(c.store(), e.scenario()), asOf)));
    }

    private static String render(ScenarioSet.Entry e, java.util.List<org.phasegate.evidence.EvidenceRecord> records,
                                 org.phasegate.store.imports.ImportedSeries imported, Instant asOf) {
        var report = new GateEngine(e.scenario()).status(records, imported.records(), asOf);
        return Json.write(TimelineJson.of(report, EvidenceBehind.byObligation(e.scenario(), records, asOf), imported.dataUpTo(e.scenario(), asOf)));
    }
}
