package org.phasegate.evidence;

import java.util.Optional;

/**
 * A record as reported to the ledger: the record itself (its reporter is the acting user), its public part as JSON
 * in the events format, its confidentiality,
 * the confidential part as JSON text (to be sealed, never stored in clear), and the record it corrects.
 */
public record Submission(EvidenceRecord record, String publicJson, Confidentiality confidentiality,
                         Optional<String> confidentialJson, Optional<String> supersedes, int line) {
}
