package org.phasegate.evidence;

import org.phasegate.problem.Valid;

/** An independent monitor's confirmation of a record (or a record's reporter): who, and for which organisation. */
public record Attestation(String by, String org) {
    /** A record whose file names no reporter: its organisation is unknown, so no attestation is independent of it. */
    public static final Attestation UNKNOWN = new Attestation("", "");

    public Attestation {
        if (!(by != null && by.isEmpty() && org != null && org.isEmpty())) {
            Valid.text(by, "attestation 'by'", Valid.MAX_ID);
            Valid.id(org, "attestation 'org'");
        }
    }

    /** Whether the organisation is known; an unknown one is never independent of anybody. */
    public boolean known() {
        return !org.isBlank();
    }
}
