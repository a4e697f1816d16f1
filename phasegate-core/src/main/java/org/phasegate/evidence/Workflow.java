package org.phasegate.evidence;

import org.phasegate.problem.Quote;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The verification workflow as pure functions over a record's history: reported, corroborated (some independent
 * attestations), verified (k independent organisations); disputed, then adjudicated by the board (upheld: the record
 * stands; overturned: rejected); rejected; superseded by a correction. Each {@code refuse...} method returns why an
 * action is not allowed, or empty when it is.
 */
public final class Workflow {
    private Workflow() {
    }

    public enum State {
        REPORTED, CORROBORATED, VERIFIED, DISPUTED, REJECTED, SUPERSEDED;

        public String wireName() {
            return name().toLowerCase();
        }
    }

    /** Dispute, adjudication and rejection events, in ledger order. */
    public enum Event { DISPUTE, UPHELD, OVERTURNED, REJECT }

    /** What a decision needs to know about one record. */
    public record History(String id, String reporter, String reporterOrg, List<Attestation> attestations,
                          List<Event> events, boolean superseded) {
        public History {
            attestations = List.copyOf(attestations);
            events = List.copyOf(events);
        }

        /** Attesting organisations other than the reporter's, each counted once. */
        public int independentOrgs() {
            var orgs = new HashSet<String>();
            for (var a : attestations) if (!sameOrg(a.org(), reporterOrg)) orgs.add(OrgName.normalise(a.org()));
            return orgs.size();
        }
    }

    public static State state(History h, int required) {
        return state(h, new VerificationRule.Count(required));
    }

    /** The state under any verification rule, e.g. a designated body's ({@link VerificationRule.Body}). */
    public static State state(History h, VerificationRule rule) {
        if (h.events().contains(Event.REJECT) || h.events().contains(Event.OVERTURNED)) return State.REJECTED;
        if (h.superseded()) return State.SUPERSEDED;
        if (!h.events().isEmpty() && h.events().get(h.events().size() - 1) == Event.DISPUTE) return State.DISPUTED;
        if (rule.verified(new Attestation(h.reporter(), h.reporterOrg()), h.attestations())) return State.VERIFIED;
        return h.independentOrgs() > 0 ? State.CORROBORATED : State.REPORTED;
    }

    public static Optional<String> refuseAttest(History h, int required, String user, String org, Role role) {
        return refuseAttest(h, new VerificationRule.Count(required), user, org, role);
    }

    public static Optional<String> refuseAttest(History h, VerificationRule rule, String user, String org, Role role) {
        if (role != Role.MONITOR) return refuse(user + " is " + article(role) + "; only monitors attest records");
        if (user.equals(h.reporter())) return refuse(user + " reported record " + Quote.of(h.id()) + " and cannot attest it; another monitor must");
        var s = state(h, rule);
        if (s == State.REJECTED || s == State.SUPERSEDED || s == State.DISPUTED) {
            return refuse("record " + Quote.of(h.id()) + " is " + s.wireName() + " and cannot be attested"
                    + (s == State.DISPUTED ? " until the board adjudicates it" : ""));
        }
        if (h.attestations().stream().anyMatch(a -> a.by().equals(user))) return refuse(user + " has already attested record " + Quote.of(h.id()));
        if (sameOrg(org, h.reporterOrg())) {
            return refuse(user + " belongs to " + org + ", the reporter's organisation; attestations must be independent");
        }
        if (h.attestations().stream().anyMatch(a -> sameOrg(a.org(), org))) {
            return refuse(org + " has already attested record " + Quote.of(h.id()) + "; one organisation counts once");
        }
        return Optional.empty();
    }

    public static Optional<String> refuseDispute(History h, int required, String user, Role role) {
        return refuseDispute(h, new VerificationRule.Count(required), user, role);
    }

    public static Optional<String> refuseDispute(History h, VerificationRule rule, String user, Role role) {
        if (role != Role.MONITOR && role != Role.BOARD) return refuse(user + " is " + article(role) + "; only monitors and the board dispute records");
        var s = state(h, rule);
        if (s == State.DISPUTED) return refuse("record " + Quote.of(h.id()) + " is already disputed; the board must adjudicate it first");
        if (s == State.REJECTED || s == State.SUPERSEDED) return refuse("record " + Quote.of(h.id()) + " is " + s.wireName() + " and cannot be disputed");
        return Optional.empty();
    }

    public static Optional<String> refuseAdjudicate(History h, int required, String user, Role role) {
        return refuseAdjudicate(h, new VerificationRule.Count(required), user, role);
    }

    public static Optional<String> refuseAdjudicate(History h, VerificationRule rule, String user, Role role) {
        if (role != Role.BOARD) return refuse(user + " is " + article(role) + "; only the board adjudicates disputes");
        var s = state(h, rule);
        if (s != State.DISPUTED) return refuse("record " + Quote.of(h.id()) + " is " + s.wireName() + ", not disputed; only disputed records are adjudicated");
        return Optional.empty();
    }

    public static Optional<String> refuseReject(History h, int required, String user, Role role) {
        return refuseReject(h, new VerificationRule.Count(required), user, role);
    }

    public static Optional<String> refuseReject(History h, VerificationRule rule, String user, Role role) {
        if (role != Role.BOARD) return refuse(user + " is " + article(role) + "; only the board rejects records");
        var s = state(h, rule);
        if (s == State.REJECTED || s == State.SUPERSEDED) return refuse("record " + Quote.of(h.id()) + " is already " + s.wireName());
        return Optional.empty();
    }

    /** A correction: a new record by a monitor that supersedes this one. */
    public static Optional<String> refuseSupersede(History h, int required, String user, Role role) {
        return refuseSupersede(h, new VerificationRule.Count(required), user, role);
    }

    public static Optional<String> refuseSupersede(History h, VerificationRule rule, String user, Role role) {
        if (role != Role.MONITOR) return refuse(user + " is " + article(role) + "; only monitors report corrections");
        var s = state(h, rule);
        if (s == State.SUPERSEDED) return refuse("record " + Quote.of(h.id()) + " is already superseded; correct the record that superseded it");
        if (s == State.REJECTED) return refuse("record " + Quote.of(h.id()) + " was rejected; report a new record instead of a correction");
        return Optional.empty();
    }

    public static Optional<String> refuseReport(String user, Role role) {
        return role == Role.MONITOR ? Optional.empty() : refuse(user + " is " + article(role) + "; only monitors report records");
    }

    private static Optional<String> refuse(String why) {
        return Optional.of(why);
    }

    private static String article(Role role) {
        return (role == Role.ADMIN || role == Role.ANALYST ? "an " : "a ") + role.wireName();
    }

    static boolean sameOrg(String a, String b) {
        return OrgName.normalise(a).equals(OrgName.normalise(b));
    }
}
