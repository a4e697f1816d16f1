package org.phasegate.cli;

import java.util.stream.Collectors;
import org.phasegate.gate.Check;
import org.phasegate.gate.ContextState;
import org.phasegate.gate.GateState;
import org.phasegate.gate.ObligationState;
import org.phasegate.gate.PartyView;
import org.phasegate.gate.PhaseState;
import org.phasegate.gate.StatusReport;

/** The status report for people: phases, gates with their "why not" trees, obligations, parties. */
final class StatusText {
    private StatusText() {
    }

    static String render(StatusReport r) {
        var out = new StringBuilder();
        out.append(r.scenario().title()).append(" — status as of ").append(r.asOf()).append("\n\n");
        context(out, r.context());
        out.append("PHASES\n");
        r.phases().forEach(p -> phase(out, p));
        out.append("\nGATES\n");
        r.gates().forEach(g -> gate(out, g));
        out.append("\nOBLIGATIONS (0 not initiated, 1 minimal, 2 intermediate, 3 complete; standing: 0 not in force, 1 breached, 3 in force)\n");
        r.obligations().forEach(o -> obligation(out, o));
        out.append("\nPARTIES (reciprocity ledger)\n");
        r.parties().forEach(p -> party(out, p));
        return out.toString();
    }

    /** The context series, before everything else: shown beside the status, they change none of it. */
    private static void context(StringBuilder out, java.util.List<ContextState> context) {
        if (context.isEmpty()) return;
        out.append("CONTEXT (shown beside the status: these series open no gate and change no status)\n");
        for (var c : context) {
            out.append("  ").append(c.describe()).append('\n');
            out.append("      measure ").append(c.measure().id()).append(c.measure().imported().map(d -> " (imported " + d + ")").orElse(""));
            if (!c.context().beside().isEmpty()) out.append("; shown beside ").append(String.join(", ", c.context().beside()));
            out.append('\n');
        }
        out.append('\n');
    }

    private static void phase(StringBuilder out, PhaseState p) {
        out.append(String.format("  %-10s %-45s %s  %d/%d obligations complete%n", p.phase().id(), p.phase().name(),
                p.complete() ? "COMPLETE" + p.completedAt().map(t -> " " + t).orElse("") : p.started() ? "under way" : "not started",
                p.done(), p.total()));
        if (!p.phase().requires().isEmpty()) out.append("             requires: ").append(String.join(", ", p.phase().requires())).append('\n');
        if (!p.criticalPath().isEmpty()) out.append("             critical path: ").append(String.join(" <- ", p.criticalPath())).append('\n');
    }

    private static void gate(StringBuilder out, GateState g) {
        out.append(String.format("  [%s] %-40s %s%n", g.open() ? "OPEN  " : "closed", g.gate().id(),
                g.open() ? g.openedAt().map(t -> "since " + t).orElse("") : g.gate().name()));
        if (!g.open()) why(out, g.why(), "         ");
    }

    private static void why(StringBuilder out, Check c, String indent) {
        out.append(indent).append(c.met() ? "✓ " : "✗ ").append(c.condition());
        if (!c.detail().isEmpty()) out.append(": ").append(c.detail());
        out.append('\n');
        if (!c.met()) c.parts().forEach(p -> why(out, p, indent + "  "));
    }

    private static void obligation(StringBuilder out, ObligationState o) {
        var flags = new StringBuilder();
        if (o.locked()) flags.append(" LOCKED");
        if (o.overdue()) flags.append(" OVERDUE");
        if (o.contested()) flags.append(" CONTESTED");
        if (o.closed()) flags.append(" FINAL");
        if (o.pendingRecords() > 0) flags.append(" (" + o.pendingRecords() + " records pending verification)");
        out.append(String.format("  %d %-13s %-42s %-22s%s%n", o.status(), o.statusLabel(), o.obligation().id(),
                String.join("+", o.obligation().owedBy()), flags));
        String amended = o.schedule().describe(o.complete());
        out.append("      ").append(o.progress()).append(o.deadline().map(d -> "; due " + d).orElse(""))
                .append(amended.isEmpty() ? "" : " (" + amended + ")")
                .append("; source ").append(o.obligation().sources().stream().map(Object::toString).collect(Collectors.joining(", ")))
                .append('\n');
        o.stages().forEach(st -> out.append("        ").append(st.describe()).append('\n'));
    }

    private static void party(StringBuilder out, PartyView p) {
        out.append("  ").append(p.party().name()).append(" [").append(p.party().id()).append("]\n");
        out.append("      owes now:      ").append(ids(p.owesNow())).append('\n');
        out.append("      owes later:    ").append(ids(p.owesLater())).append('\n');
        out.append("      is owed:       ").append(ids(p.owedToIt())).append('\n');
        out.append("      waits on gates:").append(p.waitingForGates().isEmpty() ? " —" : " " + String.join(", ", p.waitingForGates())).append('\n');
        out.append("      levers over:   ").append(p.levers().isEmpty() ? "—" : String.join(", ", p.levers())).append('\n');
    }

    private static String ids(java.util.List<ObligationState> list) {
        return list.isEmpty() ? "—" : list.stream().map(o -> o.obligation().id()).collect(Collectors.joining(", "));
    }
}
