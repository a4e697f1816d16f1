package org.phasegate.server;

import io.javalin.http.Context;
import org.phasegate.store.Tx;
import org.phasegate.store.imports.ImportedRowDetail;
import org.phasegate.store.tree.Rfc9162;
import org.phasegate.store.tree.TreeNodes;

/**
 * Imported rows: {@code GET /imports/{dataset}/row?id=SOURCE-ID}, one row with its values, provenance and inclusion
 * proof, as {@code phasegate import show} prints it. The row id is a query parameter because source ids may hold a
 * slash (OpenStreetMap's {@code relation/123}). Imported data is published data, so anyone may read it.
 */
final class ImportRoutes {
    private final ApiContext c;

    ImportRoutes(ApiContext c) {
        this.c = c;
    }

    void row(Context ctx) {
        var dataset = ctx.pathParam("dataset");
        var id = Query.text(ctx, "id", 400).orElseThrow(() -> ApiProblem.field("id", "", "give the row's source id, e.g. ?id=PS0260:2026-04"));
        var ds = c.store().database().dataSource();
        long[] size = {0};
        var root = Tx.run(ds, conn -> {
            var nodes = new TreeNodes(conn);
            size[0] = nodes.size();
            return size[0] == 0 ? Rfc9162.emptyRoot() : nodes.hash(0, size[0]);
        });
        var row = ImportedRowDetail.of(ds, dataset, id, size[0], root);
        Json.reply(ctx, 200, Json.parse(row.toJson(c.store().heads().head(size[0], root))));
    }
}
