package org.phasegate.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.phasegate.gate.StatusReport;
import org.phasegate.importing.DataUpTo;
import org.phasegate.scenario.Scenario;

/**
 * What the Timeline and the Compliance matrix draw, in one answer: parties, phases, gates with when they opened, every
 * obligation with its phase, parties, status on the 0..3 scale, deadlines as agreed and as amended, and the records
 * behind it; the history of changes (gate openings, status moves, including a standing obligation's breaches); and
 * {@code importedData}, how far each imported series the measures read goes at the as-of date (as status says it).
 */
final class TimelineJson {
    private TimelineJson() {
    }

    static ObjectNode of(StatusReport r, Map<String, List<String>> evidence, List<DataUpTo> upTo) {
        Scenario s = r.scenario();
        var n = Json.object().put("scenario", s.id()).put("title", s.title()).put("asOf", r.asOf().toString()).put("start", s.start().toString());
        var parties = n.putArray("parties");
        s.parties().forEach(p -> parties.addObject().put("id", p.id()).put("name", p.name()));
        var phases = n.putArray("phases");
        r.phases().forEach(p -> {
            var o = phases.addObject().put("id", p.phase().id()).put("name", p.phase().name()).put("started", p.started()).put("complete", p.complete());
            p.completedAt().ifPresent(t -> o.put("completedAt", t.toString()));
            o.put("startedAt", p.startedAt().map(Instant::toString).orElse(null));
        });
        var gates = n.putArray("gates");
        r.gates().forEach(g -> {
            var o = gates.addObject().put("id", g.gate().id()).put("name", g.gate().name()).put("phase", g.gate().phase()).put("open", g.open());
            g.openedAt().ifPresent(t -> o.put("openedAt", t.toString()));
        });
        var obligations = n.putArray("obligations");
        r.obligations().forEach(st -> {
            var ob = st.obligation();
            var o = obligations.addObject().put("id", ob.id()).put("name", ob.name()).put("phase", ob.phase()).put("type", ob.type().name().toLowerCase())
                    .put("kind", ob.isStanding() ? "standing" : "deliverable").put("status", st.status()).put("label", st.statusLabel())
                    .put("progress", st.progress()).put("overdue", st.overdue()).put("contested", st.contested()).put("locked", st.locked());
            ob.owedBy().forEach(o.putArray("owedBy")::add);
            ob.owedTo().forEach(o.putArray("owedTo")::add);
            st.deadline().ifPresent(t -> o.put("deadline", t.toString()));
            st.schedule().original().ifPresent(t -> o.put("originalDeadline", t.toString()));
            st.schedule().amendment().ifPresent(a -> o.put("amendedBy", a.recordId()));
            st.completedAt().ifPresent(t -> o.put("completedAt", t.toString()));
            evidence.getOrDefault(ob.id(), List.of()).forEach(o.putArray("evidence")::add);
        });
        var history = n.putArray("history");
        r.history().forEach(t -> history.addObject().put("time", t.time().toString()).put("kind", t.kind().name().toLowerCase())
                .put("id", t.id()).put("from", t.from()).put("to", t.to()));
        DataUpTo.json(n.putArray("importedData"), upTo);
        return n;
    }
}
