package org.phasegate.score;

import java.time.Instant;
import java.util.Optional;
import org.phasegate.gate.StatusReport;
import org.phasegate.gate.Transition;
import org.phasegate.scenario.Scenario;

/**
 * How a {@link Question} stands given what was verified up to a status report's time: YES from the moment the
 * deciding change happened at or before the question's date (a gate opened, a phase completed, the holding gate
 * closed after opening), NO once the date has passed without it, UNRESOLVED before that. Read from the report's
 * history, which the gate engine builds from records at or before its time only, so a resolution as of T never
 * depends on records after T. {@code at} is when it resolved: the change's time for YES, the question's date for NO.
 */
public record Resolution(Question question, State state, Optional<Instant> at) {

    public enum State { YES, NO, UNRESOLVED }

    public Resolution {
        if ((state == State.UNRESOLVED) != at.isEmpty()) throw new IllegalArgumentException("a resolved question says when it resolved, an open one does not");
    }

    /** 1 for yes, 0 for no: the outcome a forecast of the question is scored against. */
    public int outcome() {
        if (state == State.UNRESOLVED) throw new IllegalStateException("question " + question.id() + " is not resolved yet");
        return state == State.YES ? 1 : 0;
    }

    public static Resolution of(Question q, StatusReport report) {
        check(q, report.scenario());
        Optional<Instant> happened = switch (q) {
            case Question.GateOpenBy g -> first(report, Transition.Kind.GATE, g.gate(), "closed", "open");
            case Question.PhaseCompleteBy p -> first(report, Transition.Kind.PHASE, p.phase(), "incomplete", "complete");
            case Question.CollapseBy c -> first(report, Transition.Kind.GATE, c.holdingGate(), "open", "closed");
        };
        var yes = happened.filter(t -> !t.isAfter(q.by()));
        if (yes.isPresent()) return new Resolution(q, State.YES, yes);
        if (report.asOf().isBefore(q.by())) return new Resolution(q, State.UNRESOLVED, Optional.empty());
        return new Resolution(q, State.NO, Optional.of(q.by()));
    }

    private static Optional<Instant> first(StatusReport report, Transition.Kind kind, String id, String from, String to) {
        return report.history().stream()
                .filter(t -> t.kind() == kind && t.id().equals(id) && t.from().equals(from) && t.to().equals(to))
                .map(Transition::time).min(Instant::compareTo);
    }

    private static void check(Question q, Scenario s) {
        boolean known = switch (q) {
            case Question.GateOpenBy g -> s.gate(g.gate()).isPresent();
            case Question.PhaseCompleteBy p -> s.phases().stream().anyMatch(ph -> ph.id().equals(p.phase()));
            case Question.CollapseBy c -> s.gate(c.holdingGate()).isPresent();
        };
        if (!known) {
            throw new IllegalArgumentException("question " + q.id() + ": scenario " + s.id() + " has no " + (q instanceof Question.PhaseCompleteBy ? "phase" : "gate")
                    + " '" + q.subject() + "'");
        }
    }
}
