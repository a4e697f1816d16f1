package org.phasegate.store.records;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.phasegate.evidence.Attestation;
import org.phasegate.evidence.Confidentiality;
import org.phasegate.evidence.Workflow;

/**
 * A stored record as a reader with some role may see it: public part, state, attestations and how many independent
 * organisations it needs ({@code required}); never the sealed part.
 */
public record RecordView(String id, String type, Instant time, Optional<String> party, String reporter, String reporterOrg,
                         Confidentiality confidentiality, Workflow.State state, int required, List<Attestation> attestations,
                         Optional<String> supersedes, Optional<String> commitment, String body) {
}
