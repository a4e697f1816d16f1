package org.phasegate.forecast;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** The forecast as JSON: seed, runs, every assumption used, and per phase and date {@code p} with {@code se}. */
public final class ForecastJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ForecastJson() {
    }

    public static String render(Forecast f) {
        return render(f, java.util.List.of());
    }

    /** With {@code importedData}: how far the imported series the start state read go (left out when no measure reads one). */
    public static String render(Forecast f, java.util.List<org.phasegate.importing.DataUpTo> imported) {
        var root = JSON.createObjectNode();
        root.put("scenario", f.scenario());
        root.put("assumptionSet", f.assumptionSet());
        root.put("seed", f.seed());
        root.put("runs", f.runs());
        root.put("stepDays", f.stepDays());
        root.put("asOf", f.asOf().toString());
        root.put("horizon", f.horizon().toString());
        if (!imported.isEmpty()) org.phasegate.importing.DataUpTo.json(root.putArray("importedData"), imported);
        var assumptions = root.putArray("assumptions");
        for (Assumed a : f.assumptions()) assumption(assumptions.addObject(), a);
        var phases = root.putArray("phases");
        for (var p : f.phases()) {
            var n = phases.addObject();
            n.put("phase", p.phase());
            n.put("name", p.name());
            estimates(n.putArray("by"), f, p.complete().by());
            var q = n.putObject("completionDate");
            date(q, "q10", p.q10());
            date(q, "median", p.median());
            date(q, "q90", p.q90());
            estimates(n.putArray("curve"), f, p.complete().curve());
        }
        var collapse = root.putObject("collapse");
        estimates(collapse.putArray("by"), f, f.collapse().by());
        estimates(collapse.putArray("curve"), f, f.collapse().curve());
        f.fallback().ifPresent(fb -> {
            var n = root.putObject("fallback");
            var names = n.putArray("names");
            fb.names().forEach(names::add);
            estimates(n.putArray("by"), f, fb.outlook().by());
        });
        var references = root.putArray("references");
        for (var r : f.references()) {
            var n = references.addObject().put("name", r.id()).put("compares", r.compares()).put("value", r.value())
                    .put("low", r.low()).put("high", r.high()).put("unit", r.unit()).put("source", r.source());
            r.horizonDays().ifPresent(h -> n.put("horizonDays", h));
            r.forecast().ifPresent(e -> n.put("forecast", e.p()));
        }
        var d = root.putObject("durabilityModel");
        d.put("file", f.durability().file()).put("shape", f.durability().shape())
                .put("ceasefireAgeDays", f.durability().ceasefireAgeDays()).put("ceasefireAgeFrom", f.durability().ageFrom());
        f.durability().covariates().forEach(d.putArray("covariates")::add);
        var gates = root.putArray("gates");
        for (var g : f.gates()) {
            var n = gates.addObject();
            n.put("gate", g.gate());
            n.put("openAtStart", g.openAtStart());
            n.put("p", g.open().p());
            n.put("se", g.open().se());
            estimates(n.putArray("by"), f, g.by());
            date(n, "q10", g.q10());
            date(n, "median", g.median());
            date(n, "q90", g.q90());
        }
        var blockers = root.putObject("failurePaths");
        blockers.put("phase", f.focusPhase());
        blockers.put("date", f.sensitivityDate().toString());
        var list = blockers.putArray("blockingGates");
        f.blockers().forEach(b -> list.addObject().put("gate", b.gate()).put("share", b.share()).put("se", b.se()));
        var held = root.putArray("heldMeasures");
        f.heldMeasures().forEach(held::add);
        var tornado = root.putObject("sensitivity");
        tornado.put("phase", f.focusPhase());
        tornado.put("date", f.sensitivityDate().toString());
        var items = tornado.putArray("items");
        for (var s : f.sensitivity()) {
            items.addObject().put("name", s.id()).put("kind", s.kind().name().toLowerCase()).put("low", s.low()).put("high", s.high())
                    .put("pLow", s.pLow()).put("pHigh", s.pHigh()).put("delta", s.delta());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assumption(ObjectNode n, Assumed a) {
        n.put("name", a.id()).put("kind", a.kind().name().toLowerCase()).put("value", a.value()).put("low", a.low())
                .put("high", a.high()).put("unit", a.unit()).put("description", a.description());
        if (!a.discreteValues().isEmpty()) a.discreteValues().forEach(n.putArray("values")::add);   // a switch: only these
        var s = n.putObject("source");
        s.put("title", a.source().title()).put("publisher", a.source().publisher());
        a.source().date().ifPresent(d -> s.put("date", d.toString()));
        a.source().url().ifPresent(u -> s.put("url", u));
    }

    private static void estimates(ArrayNode out, Forecast f, java.util.List<Forecast.Estimate> list) {
        for (var e : list) out.addObject().put("date", e.date().toString()).put("p", e.p()).put("se", e.se());
    }

    private static void date(ObjectNode n, String key, Optional<java.time.LocalDate> d) {
        if (d.isPresent()) n.put(key, d.get().toString());
        else n.putNull(key);
    }
}
