package org.phasegate.cli;

import java.util.stream.Collectors;
import org.phasegate.evidence.VerificationRule;
import org.phasegate.scenario.Condition;
import org.phasegate.scenario.Gate;
import org.phasegate.scenario.Obligation;
import org.phasegate.scenario.Phase;
import org.phasegate.scenario.Scenario;

/** A scenario as an indented tree: phases, their obligations and gates, with conditions and sources. */
final class ScenarioTree {
    private ScenarioTree() {
    }

    static String render(Scenario s) {
        var out = new StringBuilder();
        out.append(s.title()).append(" [").append(s.id()).append("] from ").append(s.start()).append('\n');
        out.append("parties: ").append(s.parties().stream().map(p -> p.id() + " (" + p.kind().yamlName() + ")")
                .collect(Collectors.joining(", "))).append('\n');
        verification(out, s);
        for (Phase p : s.phases()) {
            out.append("\n").append(p.name()).append(" [").append(p.id()).append("]\n");
            s.gates().stream().filter(g -> g.phase().equals(p.id())).forEach(g -> gate(out, g));
            s.obligations().stream().filter(o -> o.phase().equals(p.id())).forEach(o -> obligation(out, o));
        }
        if (!s.context().isEmpty()) {
            out.append("\ncontext (shown beside the status; no rule reads it):\n");
            s.context().forEach(c -> out.append("  ").append(c.id()).append(": ").append(c.name()).append("; measure ").append(c.measure())
                    .append(" over ").append(org.phasegate.scenario.Numbers.format(c.window()))
                    .append(c.beside().isEmpty() ? "" : "; beside " + String.join(", ", c.beside()))
                    .append(c.by().map(b -> "; by " + b).orElse("")).append('\n'));
        }
        out.append("\nsources:\n");
        s.sources().forEach(src -> out.append("  ").append(src.id()).append(": ").append(src.title()).append(", ")
                .append(src.publisher()).append(src.date().map(d -> ", " + d).orElse(""))
                .append(src.url().map(u -> " <" + u + ">").orElse("")).append('\n'));
        return out.toString();
    }

    /** The attestation count, then each designation with the body that verifies what it covers. */
    private static void verification(StringBuilder out, Scenario s) {
        var v = s.verification();
        out.append("verification: ").append(new VerificationRule.Count(v.defaultAttestations()).describe()).append(" by default");
        new java.util.TreeMap<>(v.perType()).forEach((type, k) -> out.append("; ").append(type).append(": ").append(new VerificationRule.Count(k).describe()));
        out.append('\n');
        for (var d : v.designated()) {
            String where = new java.util.TreeMap<>(d.where()).entrySet().stream()
                    .map(e -> e.getKey() + " " + String.join("|", e.getValue())).collect(Collectors.joining(", "));
            out.append("  ").append(d.recordType()).append(where.isEmpty() ? "" : " with " + where).append(": ")
                    .append(v.verifiers().get(d.verifiedBy()).describe()).append('\n');
        }
    }

    private static void gate(StringBuilder out, Gate g) {
        out.append("  gate ").append(g.id()).append(": ").append(g.name()).append(cites(g.sources().toString())).append('\n');
        condition(out, g.when(), "      ");
        if (!g.unlocks().isEmpty()) out.append("    unlocks: ").append(String.join(", ", g.unlocks())).append('\n');
    }

    private static void obligation(StringBuilder out, Obligation o) {
        out.append("  obligation ").append(o.id()).append(" (").append(o.type().name().toLowerCase()).append("): ")
                .append(String.join("+", o.owedBy()))
                .append(o.owedTo().isEmpty() ? "" : " -> " + String.join("+", o.owedTo())).append(": ").append(o.name())
                .append(o.target().map(t -> "; target " + t.describe()).orElse(""))
                .append(o.deadline().map(d -> "; by " + d).orElse(""))
                .append(cites(o.sources().toString())).append('\n');
        for (int i = 0; i < o.stages().size(); i++) {
            var st = o.stages().get(i);
            out.append("    stage ").append(i + 1).append(" of ").append(o.stages().size()).append(' ').append(st.id()).append(": ")
                    .append(org.phasegate.gate.StageState.level(st, o.target().orElseThrow())).append(st.deadline().map(d -> " by " + d).orElse("")).append('\n');
        }
    }

    private static String cites(String list) {
        return " " + list;
    }

    static void condition(StringBuilder out, Condition c, String indent) {
        out.append(indent).append(label(c)).append('\n');
        switch (c) {
            case Condition.AllOf a -> a.parts().forEach(p -> condition(out, p, indent + "  "));
            case Condition.AnyOf a -> a.parts().forEach(p -> condition(out, p, indent + "  "));
            case Condition.AtLeast a -> a.parts().forEach(p -> condition(out, p, indent + "  "));
            case Condition.Not n -> condition(out, n.part(), indent + "  ");
            default -> { }
        }
    }

    private static String label(Condition c) {
        return switch (c) {
            case Condition.AllOf a -> "all of:";
            case Condition.AnyOf a -> "any of:";
            case Condition.AtLeast a -> "at least " + a.k() + " of:";
            case Condition.Not n -> "not:";
            case Condition.GateOpen g -> "gate " + g.gate() + " open";
            case Condition.ObligationStatus o -> "obligation " + o.obligation() + " at status >= " + o.status();
            case Condition.StageMet st -> "stage " + st.stage() + " met";
            case Condition.Reaches r -> r.threshold().measure() + " reaches " + r.threshold().describe()
                    + (r.threshold().attestations() > 0 ? " with " + r.threshold().attestations() + " attestations" : "");
            case Condition.Quiet q -> "no " + q.measure() + " for " + q.days() + " days";
            case Condition.After a -> "after " + a.time();
            case Condition.Before b -> "before " + b.time();
        };
    }
}
