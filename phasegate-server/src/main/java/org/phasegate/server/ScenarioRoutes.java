package org.phasegate.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Comparator;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.ScenarioLoader;

/** Scenarios: list, show, validate an upload. Status, gates and "why not" are {@link StatusRoutes}. */
final class ScenarioRoutes {
    private final ApiContext c;

    ScenarioRoutes(ApiContext c) {
        this.c = c;
    }

    void list(Context ctx) {
        var a = Json.array();
        c.scenarios().byId().values().stream().sorted(Comparator.comparing(ScenarioSet.Entry::id))
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

    private static ObjectNode summary(String id, Scenario s) {
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
}
