package org.phasegate.store.records;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.phasegate.evidence.Attestation;
import org.phasegate.evidence.Confidentiality;
import org.phasegate.evidence.VerificationRule;
import org.phasegate.evidence.Workflow;

/**
 * A stored record as a reader with some role may see it: public part, state, attestations and the scenario's rule
 * that verifies it ({@code rule}: k independent organisations, or a designated body); never the sealed part.
 */
public record RecordView(String id, String type, Instant time, Optional<String> party, String reporter, String reporterOrg,
                         Confidentiality confidentiality, Workflow.State state, VerificationRule rule, List<Attestation> attestations,
                         Optional<String> supersedes, Optional<String> commitment, String body) {

    /** How many independent organisations it needs under a count rule; 0 when a designated body decides. */
    public int required() {
        return rule instanceof VerificationRule.Count c ? c.required() : 0;
    }
}
