package org.phasegate.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import org.phasegate.problem.Quote;

/** The real datasets: which are here, where each comes from, and the file itself, streamed as it is. */
final class DataRoutes {
    private final ApiContext c;

    DataRoutes(ApiContext c) {
        this.c = c;
    }

    void list(Context ctx) {
        var a = Json.array();
        for (var d : Datasets.KNOWN) {
            a.addObject().put("id", d.id()).put("what", d.what()).put("source", d.source()).put("file", d.file())
                    .put("present", c.datasets().file(d).isPresent()).put("url", Server.BASE + "/datasets/" + d.id());
        }
        Json.reply(ctx, 200, Json.object().set("datasets", a));
    }

    void get(Context ctx) throws IOException {
        var id = ctx.pathParam("id");
        var d = Datasets.KNOWN.stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("no dataset " + Quote.of(id) + "; see " + Server.BASE + "/datasets"));
        var file = c.datasets().file(d).orElseThrow(() -> ApiProblem.notFound("dataset " + id + " is not in this server's data directory;"
                + " it comes from " + d.source() + " (start the server with --data DIR or PHASEGATE_DATA)"));
        ctx.contentType(d.mediaType()).header("X-Source", d.source()).result(Files.newInputStream(file));
    }
}
