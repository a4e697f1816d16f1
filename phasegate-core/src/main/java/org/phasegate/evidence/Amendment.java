package org.phasegate.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.phasegate.problem.Hints;
import org.phasegate.problem.Position;
import org.phasegate.problem.Problems;
import org.phasegate.problem.Quote;

/**
 * What an {@code amendment} record says: the obligation it re-times ({@code obligation}), optionally one of its
 * stages ({@code attributes.stage}; without it, the obligation's own deadline, which is its last stage's), its new
 * deadline ({@code attributes.deadline}) and whether it took effect ({@code attributes.state}: proposed, agreed or
 * lapsed; agreed when absent). Only a verified, agreed amendment moves a deadline; the original is kept beside it.
 */
public record Amendment(String recordId, String obligation, Optional<String> stage, Instant deadline, Instant agreedAt) {
    public static final List<String> STATES = List.of("proposed", "agreed", "lapsed");

    /** The amendment an agreed amendment record makes, if the record is one. */
    public static Optional<Amendment> of(EvidenceRecord r) {
        if (r.type() != RecordType.AMENDMENT || !r.attributes().getOrDefault("state", "agreed").equals("agreed")) return Optional.empty();
        var deadline = Optional.ofNullable(r.attributes().get("deadline")).flatMap(EventsReader::parseTime);
        if (r.obligation().isEmpty() || deadline.isEmpty()) return Optional.empty();
        return Optional.of(new Amendment(r.id(), r.obligation().get(), Optional.ofNullable(r.attributes().get("stage")), deadline.get(), r.time()));
    }

    /** Adds a located problem for each thing an amendment record lacks. */
    static void check(EvidenceRecord r, Position at, Problems problems, java.util.Map<String, java.util.Set<String>> stages) {
        String what = "record '" + r.id() + "' (amendment)";
        if (r.obligation().isEmpty()) problems.add(at, what + ": missing field 'obligation'", "the id of the obligation whose deadline it moves");
        String deadline = r.attributes().get("deadline");
        if (deadline == null) problems.add(at, what + ": missing field 'attributes.deadline'", "the new deadline, ISO-8601, e.g. 2001-07-01");
        else if (EventsReader.parseTime(deadline).isEmpty()) {
            problems.add(at, what + ": field 'attributes.deadline' has value " + Quote.of(deadline) + ", not a date", "use ISO-8601, e.g. 2001-07-01");
        }
        String stage = r.attributes().get("stage");
        if (stage != null && r.obligation().isPresent() && stages.containsKey(r.obligation().get())) {
            var known = stages.get(r.obligation().get());
            if (!known.contains(stage)) {
                problems.add(at, what + ": field 'attributes.stage' has value " + Quote.of(stage) + ", not a stage of obligation " + Quote.of(r.obligation().get()),
                        known.isEmpty() ? "the obligation has no stages; remove it" : Hints.didYouMean(stage, known));
            }
        }
        String state = r.attributes().get("state");
        if (state != null && !STATES.contains(state)) {
            problems.add(at, what + ": field 'attributes.state' has value " + Quote.of(state), Hints.didYouMean(state, STATES));
        }
    }
}
