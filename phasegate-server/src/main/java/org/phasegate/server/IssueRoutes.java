package org.phasegate.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.phasegate.bargain.IssueFiles;
import org.phasegate.bargain.ResultFormats;
import org.phasegate.bargain.Smp;
import org.phasegate.problem.Quote;

/**
 * The bundled bargaining issue files ({@code *-issues.yaml} beside the server's scenarios) for the bargaining page:
 * the list, and one file with its actors and dimensions and the model's result ({@code bargain --json}'s), computed
 * once per file version. Running the model on another file is {@code POST /bargaining} (modellers).
 */
final class IssueRoutes {
    private final ApiContext c;
    private final Map<String, String> results = new ConcurrentHashMap<>();

    IssueRoutes(ApiContext c) {
        this.c = c;
    }

    /** The bundled issue files by id (the file name without {@code .yaml}). */
    Map<String, Path> files() {
        var out = new TreeMap<String, Path>();
        for (var e : c.scenarios().byId().values()) {
            var dir = e.file().toAbsolutePath().getParent();
            try (var list = Files.list(dir)) {
                list.filter(f -> f.getFileName().toString().endsWith("-issues.yaml"))
                        .forEach(f -> out.put(f.getFileName().toString().replaceFirst("\\.yaml$", ""), f));
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }
        return out;
    }

    void list(Context ctx) throws Exception {
        var items = Json.array();
        for (var e : files().entrySet()) {
            var issue = IssueFiles.read(e.getValue());
            items.addObject().put("id", e.getKey()).put("name", issue.name()).put("description", issue.description())
                    .put("actors", issue.actors().size()).put("dimensions", issue.dimensions().size());
        }
        Json.reply(ctx, 200, Json.object().set("issues", items));
    }

    void show(Context ctx) throws Exception {
        var id = ctx.pathParam("id");
        var files = files();
        var file = files.get(id);
        if (file == null) throw ApiProblem.notFound("no bundled issue file " + Quote.of(id) + "; the files are: " + String.join(", ", files.keySet()));
        var version = file + "|" + Files.getLastModifiedTime(file).toMillis();
        var cached = results.get(version);
        if (cached == null) {
            cached = render(id, file);
            results.put(version, cached);
        }
        Json.reply(ctx, 200, cached);
    }

    private static String render(String id, Path file) throws Exception {
        var issue = IssueFiles.read(file);
        var n = Json.object().put("id", id).put("file", file.getFileName().toString()).put("yaml", Files.readString(file));
        var is = n.putObject("issue").put("name", issue.name()).put("description", issue.description());
        issue.dimensions().forEach(is.putArray("dimensions")::add);
        var actors = is.putArray("actors");
        for (var a : issue.actors()) {
            var o = actors.addObject().put("name", a.name()).put("description", a.description()).put("capability", a.capability());
            a.position().forEach(o.putArray("position")::add);
            a.salience().forEach(o.putArray("salience")::add);
        }
        n.set("result", Json.parse(ResultFormats.json(Smp.run(issue))));
        return Json.write(n);
    }
}
