package org.phasegate.gate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.scenario.Measure;
import org.phasegate.scenario.Obligation;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.Threshold;

/**
 * The evidence behind each obligation's status at a time: the verified records (by the scenario's rule, observed by
 * then) that its target, its watched measure or its breach threshold counts, and those reported about it (assessments,
 * disputes). Measures over imported series name no records here: their rows are not monitors' records.
 */
public final class EvidenceBehind {
    private EvidenceBehind() {
    }

    /** Obligation id to the ids of the records behind it, in time order; every obligation of the scenario has an entry. */
    public static Map<String, List<String>> byObligation(Scenario s, List<EvidenceRecord> records, Instant asOf) {
        var verified = records.stream().filter(r -> !r.time().isAfter(asOf) && s.verification().verifies(r))
                .sorted(java.util.Comparator.comparing(EvidenceRecord::time).thenComparing(EvidenceRecord::id)).toList();
        var out = new LinkedHashMap<String, List<String>>();
        for (var o : s.obligations()) {
            var measures = measures(s, o);
            var ids = new LinkedHashSet<String>();
            for (var r : verified) {
                if (o.id().equals(r.obligation().orElse(null)) || measures.stream().anyMatch(m -> counts(m, r))) ids.add(r.id());
            }
            out.put(o.id(), List.copyOf(ids));
        }
        return out;
    }

    private static boolean counts(Measure m, EvidenceRecord r) {
        return m.imported().isEmpty() && m.recordType().equals(r.type().wireName()) && EvidenceIndex.matches(m, r);
    }

    /** The measures an obligation reads: its target's (and the target's denominator), the standing watch and breach. */
    private static List<Measure> measures(Scenario s, Obligation o) {
        var ids = new ArrayList<String>();
        o.target().ifPresent(t -> add(ids, t));
        o.standing().ifPresent(st -> {
            st.watch().ifPresent(ids::add);
            st.breachedWhen().ifPresent(t -> add(ids, t));
        });
        return ids.stream().distinct().map(s::measure).flatMap(Optional::stream).toList();
    }

    private static void add(List<String> ids, Threshold t) {
        ids.add(t.measure());
        t.ofMeasure().ifPresent(ids::add);
    }
}
