package org.phasegate.evidence;

/** An independent monitor's confirmation of a record: who, and for which organisation. */
public record Attestation(String by, String org) {
}
