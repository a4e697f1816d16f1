package org.phasegate.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.phasegate.store.Tx;
import org.phasegate.store.ledger.Verifier;
import org.phasegate.store.tree.Inclusion;
import org.phasegate.store.tree.Rfc9162;
import org.phasegate.store.tree.TreeNodes;

/**
 * The ledger: entries (for those who see restricted records: entries carry their public parts), the signed tree head,
 * inclusion and consistency proofs (RFC 9162, as {@code record proof} and {@code ledger verify --head}), the verify
 * result (kept until the ledger grows) and the export.
 */
final class LedgerRoutes {
    private final ApiContext c;
    private final AtomicReference<Verified> lastVerify = new AtomicReference<>(new Verified(-1, null));

    private record Verified(long lastSeq, Verifier.Report report) {
    }

    private record Tree(long size, byte[] root) {
    }

    LedgerRoutes(ApiContext c) {
        this.c = c;
    }

    void entries(Context ctx) {
        long after = Query.integer(ctx, "after", 0, 0, Integer.MAX_VALUE);
        int limit = Query.integer(ctx, "limit", 100, 1, 1000);
        var items = Json.array();
        c.store().ledger().lines(after, limit).forEach(line -> items.add(Json.parse(line)));
        var n = Json.object();
        n.set("entries", items);
        if (items.size() == limit) n.put("next", items.get(items.size() - 1).path("seq").asLong());
        else n.putNull("next");
        Json.reply(ctx, 200, n);
    }

    private Tree tree() {
        return Tx.run(c.store().database().dataSource(), conn -> {
            var nodes = new TreeNodes(conn);
            long size = nodes.size();
            return new Tree(size, size == 0 ? Rfc9162.emptyRoot() : nodes.hash(0, size));
        });
    }

    void head(Context ctx) {
        var t = tree();
        Json.reply(ctx, 200, c.store().heads().head(t.size(), t.root()).toJson());
    }

    void inclusion(Context ctx) {
        var id = ctx.pathParam("id");
        c.store().records().show(Caller.of(ctx).actor(), id);   // refuses a record the caller may not see
        Json.reply(ctx, 200, proofOf(c, id));
    }

    static JsonNode proofOf(ApiContext c, String id) {
        var routes = new LedgerRoutes(c);
        var t = routes.tree();
        var proof = Inclusion.ofRecord(c.store().database().dataSource(), id, t.size(), t.root());
        return Json.parse(proof.toJson(id, c.store().heads().head(t.size(), t.root())));
    }

    void consistency(Context ctx) {
        var t = tree();
        long from = Query.integer(ctx, "from", 1, 1, Integer.MAX_VALUE);
        long to = Query.integer(ctx, "to", (int) Math.min(Integer.MAX_VALUE, t.size()), 1, Integer.MAX_VALUE);
        if (to > t.size()) throw ApiProblem.field("to", Long.toString(to), "the ledger has " + t.size() + " entries; give to <= " + t.size());
        if (from > to) throw ApiProblem.field("from", Long.toString(from), "give from <= to (" + to + ")");
        var path = Tx.run(c.store().database().dataSource(), conn -> new TreeNodes(conn).consistency(from, to));
        var n = Json.object().put("from", from).put("to", to);
        var a = n.putArray("proof");
        path.forEach(h -> a.add(Base64.getEncoder().encodeToString(h)));
        Tx.run(c.store().database().dataSource(), conn -> {
            var nodes = new TreeNodes(conn);
            n.put("fromRoot", Base64.getEncoder().encodeToString(nodes.hash(0, from))).put("toRoot", Base64.getEncoder().encodeToString(nodes.hash(0, to)));
            return null;
        });
        Json.reply(ctx, 200, n);
    }

    void verify(Context ctx) {
        long seq = c.store().ledger().lastSeq();
        var v = lastVerify.get();
        if (v.lastSeq() != seq) {
            v = new Verified(seq, c.store().ledger().verify());
            lastVerify.set(v);
        }
        var r = v.report();
        var n = Json.object().put("ok", r.ok()).put("entries", r.entries()).put("checkpoints", r.checkpoints());
        r.firstBad().ifPresent(b -> n.put("firstBad", b.render()));
        Json.reply(ctx, 200, n);
    }

    /** Streamed as the store reads it (entries, then imported rows, each from a cursor): the bytes of {@code ledger export}. */
    void export(Context ctx) {
        Streamed.send(ctx, "application/jsonl", out -> c.store().ledger().exportWithRows(out));
    }
}
