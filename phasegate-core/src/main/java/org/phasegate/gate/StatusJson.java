package org.phasegate.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The status report as JSON, for programs. Instants are ISO-8601 strings. */
public final class StatusJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatusJson() {
    }

    public static String render(StatusReport r) throws com.fasterxml.jackson.core.JsonProcessingException {
        return render(r, java.util.List.of());
    }

    /** With {@code importedData}: how far the imported series the measures read go (left out when no measure reads one). */
    public static String render(StatusReport r, java.util.List<org.phasegate.importing.DataUpTo> imported) throws com.fasterxml.jackson.core.JsonProcessingException {
        var root = JSON.createObjectNode();
        root.put("scenario", r.scenario().id()).put("asOf", r.asOf().toString());
        if (!imported.isEmpty()) org.phasegate.importing.DataUpTo.json(root.putArray("importedData"), imported);
        if (!r.context().isEmpty()) context(root.putArray("context"), r.context());
        var phases = root.putArray("phases");
        r.phases().forEach(p -> {
            var n = phases.addObject().put("id", p.phase().id()).put("started", p.started()).put("complete", p.complete()).put("done", p.done()).put("total", p.total());
            p.completedAt().ifPresent(t -> n.put("completedAt", t.toString()));
            strings(n.putArray("requires"), p.phase().requires());
            strings(n.putArray("criticalPath"), p.criticalPath());
        });
        var gates = root.putArray("gates");
        r.gates().forEach(g -> {
            var n = gates.addObject().put("id", g.gate().id()).put("open", g.open());
            g.openedAt().ifPresent(t -> n.put("openedAt", t.toString()));
            n.set("why", check(g.why()));
        });
        var obligations = root.putArray("obligations");
        r.obligations().forEach(o -> {
            var n = obligations.addObject().put("id", o.obligation().id()).put("status", o.status()).put("label", o.statusLabel())
                    .put("progress", o.progress()).put("locked", o.locked()).put("overdue", o.overdue())
                    .put("contested", o.contested()).put("pendingRecords", o.pendingRecords())
                    .put("kind", o.obligation().isStanding() ? "standing" : "deliverable").put("final", o.closed());
            if (!Double.isNaN(o.fraction())) n.put("fraction", o.fraction());
            if (o.fractionUnknown()) n.put("fractionUnknown", true);   // never shown as 0
            o.deadline().ifPresent(t -> n.put("deadline", t.toString()));
            o.schedule().amendment().ifPresent(a -> {   // "deadline" is the one in force; the original is kept beside it
                o.schedule().original().ifPresent(t -> n.put("originalDeadline", t.toString()));
                n.put("amendedBy", a.recordId());
                o.schedule().lateAgainstOriginal().ifPresent(late -> n.put("lateAgainstOriginal", late));
                n.put("lateAgainstAmended", o.schedule().lateAgainstAmended().orElseThrow());
            });
            o.completedAt().ifPresent(t -> n.put("completedAt", t.toString()));
            if (!o.stages().isEmpty()) stages(n.putArray("stages"), o);
            var beside = r.scenario().contextBeside(o.obligation().id());
            if (!beside.isEmpty()) strings(n.putArray("context"), beside.stream().map(org.phasegate.scenario.Context::id).toList());
            strings(n.putArray("owedBy"), o.obligation().owedBy());
            strings(n.putArray("sources"), o.obligation().sources().stream().map(Object::toString).toList());
        });
        var parties = root.putArray("parties");
        r.parties().forEach(p -> {
            var n = parties.addObject().put("id", p.party().id());
            strings(n.putArray("owesNow"), p.owesNow().stream().map(o -> o.obligation().id()).toList());
            strings(n.putArray("owesLater"), p.owesLater().stream().map(o -> o.obligation().id()).toList());
            strings(n.putArray("owedToIt"), p.owedToIt().stream().map(o -> o.obligation().id()).toList());
            strings(n.putArray("waitingForGates"), p.waitingForGates());
            strings(n.putArray("levers"), p.levers());
        });
        return JSON.writeValueAsString(root) + "\n";
    }

    /**
     * Each context series: its window ({@code from}, {@code to}], {@code total} (null when unknown, never 0 for it), the
     * rows in the window and their first and last period, how far the data goes, and the obligations it is shown beside.
     */
    private static void context(ArrayNode out, java.util.List<ContextState> context) {
        for (var c : context) {
            var n = out.addObject().put("id", c.context().id()).put("name", c.context().name()).put("measure", c.measure().id());
            n.put("dataset", c.measure().imported().orElse(null));
            long hours = c.context().window().toHours();
            if (hours % 24 == 0) n.put("windowDays", hours / 24);
            else n.put("windowDays", hours / 24.0);
            n.put("from", c.from().toString()).put("to", c.to().toString());
            if (c.total().isPresent()) n.put("total", c.total().getAsDouble());
            else n.putNull("total");
            n.put("unit", c.measure().unit()).put("rows", c.rows()).put("firstPeriod", c.firstPeriod().orElse(null))
                    .put("lastPeriod", c.lastPeriod().orElse(null)).put("dataUpTo", c.dataUpTo().orElse(null))
                    .put("dataEnd", c.dataEnd().map(Object::toString).orElse(null)).put("uncoveredDays", c.uncoveredDays())
                    .put("text", c.describe());
            strings(n.putArray("beside"), c.context().beside());
            c.context().by().ifPresent(by -> {
                n.put("by", by);
                var totals = n.putObject("byValue");
                c.byValue().forEach(totals::put);
            });
        }
    }

    private static ObjectNode check(Check c) {
        var n = JSON.createObjectNode().put("condition", c.condition()).put("met", c.met()).put("detail", c.detail())
                .put("progress", c.progress());
        if (!c.parts().isEmpty()) c.parts().forEach(p -> n.withArray("parts").add(check(p)));
        return n;
    }

    private static void strings(ArrayNode a, java.util.List<String> values) {
        values.forEach(a::add);
    }

    /** Each stage: its level, when it was met, and its deadline as agreed and as amended. */
    private static void stages(com.fasterxml.jackson.databind.node.ArrayNode out, org.phasegate.gate.ObligationState o) {
        o.stages().forEach(st -> {
            var n = out.addObject().put("id", st.stage().id()).put("number", st.number()).put("level", st.stage().level())
                    .put("levelText", st.level()).put("met", st.met()).put("overdue", st.overdue());
            st.metAt().ifPresent(t -> n.put("metAt", t.toString()));
            st.schedule().inForce().ifPresent(t -> n.put("deadline", t.toString()));
            st.schedule().amendment().ifPresent(a -> {
                st.schedule().original().ifPresent(t -> n.put("originalDeadline", t.toString()));
                n.put("amendedBy", a.recordId());
                st.schedule().lateAgainstOriginal().ifPresent(late -> n.put("lateAgainstOriginal", late));
                n.put("lateAgainstAmended", st.schedule().lateAgainstAmended().orElseThrow());
            });
        });
    }
}
