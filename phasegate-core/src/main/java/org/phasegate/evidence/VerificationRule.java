package org.phasegate.evidence;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * When a record counts as verified: either k independent organisations attest it ({@link Count}), or a designated
 * body decides by its own rule ({@link Body}), however many others attest. The same rule serves the gate engine
 * (over {@link EvidenceRecord}s) and the ledger's workflow (over {@link Workflow.History}).
 */
public sealed interface VerificationRule {

    /** True if, given who reported and who attested, the record is verified. */
    boolean verified(Attestation reporter, List<Attestation> attestations);

    /** How the rule reads in status and replay text, e.g. "verified by panel (a majority of 3 members)". */
    String describe();

    /** k attesting organisations other than the reporter's, each counted once; none if the reporter is unknown. */
    record Count(int required) implements VerificationRule {
        public Count {
            if (required < 0) throw new IllegalArgumentException("attestations cannot be negative: " + required);
        }

        @Override
        public boolean verified(Attestation reporter, List<Attestation> attestations) {
            if (!reporter.known()) return required == 0;   // no attestation is independent of an unknown reporter
            var orgs = new HashSet<String>();
            for (var a : attestations) if (!a.org().equalsIgnoreCase(reporter.org())) orgs.add(a.org().toLowerCase());
            return orgs.size() >= required;
        }

        @Override
        public String describe() {
            return required + " independent attestation" + (required == 1 ? "" : "s");
        }
    }

    /** How a body with several members decides. */
    enum Decision {
        UNANIMITY, MAJORITY, CHAIR;

        public String yamlName() {
            return name().toLowerCase();
        }
    }

    /**
     * A designated verifier: a body whose members speak for it. A member is a monitor's name or an organisation's
     * name, matched against each attestation's {@code by} and {@code org} and against the reporter (a body that
     * reports its own finding has certified it). Others' attestations neither help nor hinder.
     */
    record Body(String id, List<String> members, Decision decision, Optional<String> chair) implements VerificationRule {
        public Body {
            members = List.copyOf(members);
            if (members.isEmpty()) throw new IllegalArgumentException("verifier '" + id + "' has no members");
            if (decision == Decision.CHAIR && (chair.isEmpty() || !members.contains(chair.get()))) {
                throw new IllegalArgumentException("verifier '" + id + "' decides by its chair but names no chair among its members");
            }
        }

        @Override
        public boolean verified(Attestation reporter, List<Attestation> attestations) {
            long agreeing = members.stream().filter(m -> spoke(m, reporter, attestations)).count();
            return switch (decision) {
                case UNANIMITY -> agreeing == members.size();
                case MAJORITY -> agreeing * 2 > members.size();
                case CHAIR -> spoke(chair.orElseThrow(), reporter, attestations);
            };
        }

        private static boolean spoke(String member, Attestation reporter, List<Attestation> attestations) {
            return names(reporter, member) || attestations.stream().anyMatch(a -> names(a, member));
        }

        private static boolean names(Attestation a, String member) {
            return member.equalsIgnoreCase(a.by()) || member.equalsIgnoreCase(a.org());
        }

        @Override
        public String describe() {
            return "verified by " + id + " (" + switch (decision) {
                case UNANIMITY -> members.size() == 1 ? "its finding" : "all " + members.size() + " members";
                case MAJORITY -> "a majority of " + members.size() + " members";
                case CHAIR -> "its chair, " + chair.orElseThrow();
            } + ")";
        }
    }
}
