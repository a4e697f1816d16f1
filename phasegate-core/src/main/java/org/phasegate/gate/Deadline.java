package org.phasegate.gate;

import java.time.Instant;
import java.util.Optional;
import org.phasegate.evidence.Amendment;

/**
 * An obligation's deadline as agreed and as amended: the original (if the agreement gave one) is kept, the latest
 * verified agreed amendment (if any) is the deadline in force, and lateness is judged against both, at completion
 * or, if the obligation is not complete, at the status time.
 */
public record Deadline(Optional<Instant> original, Optional<Amendment> amendment, Optional<Boolean> lateAgainstOriginal,
                       Optional<Boolean> lateAgainstAmended) {

    static Deadline of(Optional<Instant> original, Optional<Amendment> amendment, Optional<Instant> completedAt, Instant asOf) {
        Instant judged = completedAt.orElse(asOf);
        return new Deadline(original, amendment, original.map(judged::isAfter), amendment.map(a -> judged.isAfter(a.deadline())));
    }

    public Optional<Instant> inForce() {
        return amendment.map(Amendment::deadline).or(() -> original);
    }

    /** e.g. "late against the original (2000-05-22), on time against the amended (2001-07-01, record x of 2000-05-05)". */
    public String describe(boolean complete) {
        if (amendment.isEmpty()) return "";
        var a = amendment.get();
        String before = original.map(o -> verdict(lateAgainstOriginal.orElseThrow(), complete) + " against the original (" + day(o) + ")")
                .orElse("no deadline in the original");
        return before + ", " + verdict(lateAgainstAmended.orElseThrow(), complete) + " against the amended (" + day(a.deadline())
                + ", record " + a.recordId() + " of " + day(a.agreedAt()) + ")";
    }

    private static String verdict(boolean late, boolean complete) {
        return late ? "late" : complete ? "on time" : "not yet due";
    }

    private static String day(Instant t) {
        return t.toString().substring(0, 10);
    }
}
