package org.phasegate.server;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import org.phasegate.evidence.SubmissionReader;
import org.phasegate.problem.Quote;
import org.phasegate.store.access.Idempotency;
import org.phasegate.store.crypto.Hashes;

/**
 * Records: list (filters, cursor pagination), report (with an idempotency key), show (attestations and inclusion proof),
 * attest, dispute, adjudicate, reject, correct, disclose, export. The store enforces the workflow and each role's view;
 * these handlers read the request and shape the answer.
 */
final class RecordRoutes {
    static final String IDEMPOTENCY = "Idempotency-Key";
    private static final int MAX_PAGE = 1000;
    private final ApiContext c;
    private final Object[] keyLocks = new Object[64];
    // one reader for every request (it is stateless between calls): building one builds three Jackson mappers, whose
    // cold caches cost more than reading a record
    private final SubmissionReader reader;

    RecordRoutes(ApiContext c) {
        this.c = c;
        this.reader = new SubmissionReader(c.scenarios().storedEntry().scenario().eventsReader());
        for (int i = 0; i < keyLocks.length; i++) keyLocks[i] = new Object();
    }

    void list(Context ctx) {
        var filter = RecordFilter.of(ctx);
        int limit = Query.integer(ctx, "limit", 100, 1, MAX_PAGE);
        var after = Query.text(ctx, "cursor", 400).map(RecordRoutes::decodeCursor);
        var views = c.store().records().list(Caller.of(ctx).actor(), filter);
        int start = 0;
        if (after.isPresent()) {
            start = -1;
            for (int i = 0; i < views.size(); i++) if (views.get(i).id().equals(after.get())) start = i + 1;
            if (start < 0) throw ApiProblem.field("cursor", ctx.queryParam("cursor"), "is not a cursor of this listing; start again without it");
        }
        var page = views.subList(start, Math.min(views.size(), start + limit));
        var items = Json.array();
        page.forEach(v -> items.add(RecordJson.view(v)));
        var n = Json.object().put("total", views.size());
        n.set("items", items);
        if (start + limit < views.size()) n.put("next", Base64.getUrlEncoder().withoutPadding().encodeToString(page.getLast().id().getBytes(StandardCharsets.UTF_8)));
        else n.putNull("next");
        Json.reply(ctx, 200, n);
    }

    private static String decodeCursor(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.field("cursor", cursor, "is not a cursor this server gave; use the 'next' of the previous page");
        }
    }

    void create(Context ctx) {
        var key = ctx.header(IDEMPOTENCY);
        if (key == null) {
            reply(ctx, submit(ctx, ctx.body()));
            return;
        }
        if (key.isBlank() || key.length() > 200) throw ApiProblem.field(IDEMPOTENCY, key, "give 1 to 200 characters, e.g. a UUID");
        var user = Caller.actor(ctx).name();
        var hash = Hashes.sha256(ctx.bodyAsBytes());
        synchronized (keyLocks[Math.floorMod((user + "\n" + key).hashCode(), keyLocks.length)]) {
            var earlier = c.store().idempotency().find(user, key);
            if (earlier.isPresent()) {
                if (!MessageDigest.isEqual(earlier.get().requestHash(), hash)) {
                    throw ApiProblem.of(422, "idempotency key reused", "the " + IDEMPOTENCY + " " + Quote.of(key)
                            + " was used for a different request; use a new key for a new request");
                }
                ctx.header("Idempotent-Replay", "true");
                reply(ctx, new Idempotency.Response(hash, earlier.get().status(), earlier.get().body()));
                return;
            }
            var r = submit(ctx, ctx.body());
            c.store().idempotency().remember(user, key, new Idempotency.Response(hash, r.status(), r.body()));
            reply(ctx, r);
        }
    }

    /** Reports the body's record (a JSON object) or records (an array: all or none) as the caller. */
    private Idempotency.Response submit(Context ctx, String body) {
        if (body.isBlank()) throw ApiProblem.badRequest("send the record as a JSON object (the format of docs/ledger.md, Records)");
        var actor = Caller.actor(ctx);
        var batch = reader.parse("request body", body, false);
        c.submissions().add(actor, batch);
        var ids = Json.array();
        batch.forEach(s -> ids.add(s.record().id()));
        var n = Json.object().put("reported", batch.size());
        n.set("ids", ids);
        ctx.header("Location", Server.BASE + "/records/" + batch.getFirst().record().id());
        return new Idempotency.Response(Hashes.sha256(body.getBytes(StandardCharsets.UTF_8)), 201, Json.write(n));
    }

    private static void reply(Context ctx, Idempotency.Response r) {
        Json.reply(ctx, r.status(), r.body());
    }

    void show(Context ctx) {
        var id = ctx.pathParam("id");
        var detail = c.store().records().show(Caller.of(ctx).actor(), id);
        var n = RecordJson.detail(detail);
        n.set("inclusionProof", LedgerRoutes.proofOf(c, id));
        Json.reply(ctx, 200, n);
    }

    void attest(Context ctx) {
        var id = ctx.pathParam("id");
        Body.ofOptional(ctx, Set.of());
        c.store().records().attest(Caller.actor(ctx), id);
        stateReply(ctx, id);
    }

    void dispute(Context ctx) {
        var id = ctx.pathParam("id");
        var reason = Body.of(ctx, Set.of("reason")).required("reason", 2000);
        c.store().records().dispute(Caller.actor(ctx), id, reason);
        stateReply(ctx, id);
    }

    void adjudicate(Context ctx) {
        var id = ctx.pathParam("id");
        var body = Body.of(ctx, Set.of("outcome", "reason"));
        var outcome = body.required("outcome", 20);
        if (!outcome.equals("upheld") && !outcome.equals("overturned")) throw ApiProblem.field("outcome", outcome, "give upheld or overturned");
        c.store().records().adjudicate(Caller.actor(ctx), id, outcome.equals("upheld"), body.required("reason", 2000));
        stateReply(ctx, id);
    }

    void reject(Context ctx) {
        var id = ctx.pathParam("id");
        var reason = Body.of(ctx, Set.of("reason")).required("reason", 2000);
        c.store().records().reject(Caller.actor(ctx), id, reason);
        stateReply(ctx, id);
    }

    /** A correction is a new record that supersedes this one: the body is the new record, its supersedes set here. */
    void correct(Context ctx) {
        var id = ctx.pathParam("id");
        var body = Body.object(ctx.body());
        if (body.has("supersedes") && !body.path("supersedes").asText().equals(id)) {
            throw ApiProblem.field("supersedes", body.path("supersedes").toString(), "a correction of " + id + " supersedes " + id + "; leave it out");
        }
        body.put("supersedes", id);
        reply(ctx, submit(ctx, Json.write(body)));
    }

    void disclose(Context ctx) {
        var id = ctx.pathParam("id");
        var reason = Body.of(ctx, Set.of("reason")).required("reason", 2000);
        var d = c.store().records().disclose(Caller.actor(ctx), id, reason);
        Json.reply(ctx, 200, Json.object().put("id", d.recordId()).put("commitment", d.commitment()).put("salt", d.saltHex())
                .set("confidential", Json.parse(d.json())));
    }

    private void stateReply(Context ctx, String id) {
        Json.reply(ctx, 201, Json.object().put("id", id).put("state", c.store().records().state(id).wireName()));
    }

    void export(Context ctx) {
        var format = ctx.pathParam("format");
        var views = c.store().records().list(Caller.of(ctx).actor(), RecordFilter.of(ctx));
        switch (format) {
            case "csv" -> Streamed.send(ctx, "text/csv; charset=utf-8", out -> RecordJson.csv(views, out));
            case "geojson" -> Streamed.send(ctx, "application/geo+json", out -> RecordJson.geoJson(views, out));
            case "jsonl" -> Streamed.send(ctx, "application/jsonl", out -> RecordJson.jsonLines(views, out));
            default -> throw ApiProblem.field("format", format, "give csv, geojson or jsonl");
        }
    }
}
