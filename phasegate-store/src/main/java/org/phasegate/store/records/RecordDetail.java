package org.phasegate.store.records;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.phasegate.evidence.OrgName;
import org.phasegate.evidence.Workflow;
import org.phasegate.store.ledger.Canonical;

/**
 * One record in full, as {@code record show} prints it: the view, the ledger entry that added it (the one an inclusion
 * proof is for), its attestations and events with their entries, its sources, and how many more independent
 * organisations must attest it, from which registered organisations (those with an active monitor, other than the
 * reporter's and those that attested already).
 */
public record RecordDetail(RecordView view, long entry, List<Step> steps, List<String> sources, int stillNeeded,
                           List<String> candidateOrgs) {
    /** An attestation, dispute, adjudication or rejection: which entry, by whom (and their organisation), why. */
    public record Step(long entry, String what, String by, String org, String reason) {
    }

    public RecordDetail {
        steps = List.copyOf(steps);
        sources = List.copyOf(sources);
        candidateOrgs = List.copyOf(candidateOrgs);
    }

    static RecordDetail of(Connection c, RecordView v, Workflow.History h) throws SQLException {
        var steps = new ArrayList<Step>();
        try (var ps = c.prepareStatement("SELECT seq, 'attested', by_user, org, '' FROM attestation WHERE record_id = ?"
                + " UNION ALL SELECT e.seq, e.event, e.by_user, coalesce(u.org, ''), coalesce(e.reason, '') FROM record_event e"
                + " LEFT JOIN app_user u ON u.name = e.by_user WHERE e.record_id = ? ORDER BY 1")) {
            ps.setString(1, v.id());
            ps.setString(2, v.id());
            try (var rs = ps.executeQuery()) {
                while (rs.next()) steps.add(new Step(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        int needed = v.state() == Workflow.State.VERIFIED ? 0 : Math.max(0, v.required() - h.independentOrgs());
        return new RecordDetail(v, entry(c, v.id()), steps, sources(v.body()), needed, needed == 0 ? List.of() : candidates(c, v));
    }

    private static long entry(Connection c, String id) throws SQLException {
        try (var ps = c.prepareStatement("SELECT seq FROM record WHERE id = ?")) {
            ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> sources(String body) {
        var out = new ArrayList<String>();
        for (var s : Canonical.parse(body).path("sources")) {
            out.add(s.path("url").asText() + (s.hasNonNull("sha256") ? " (sha256 " + s.path("sha256").asText() + ")" : ""));
        }
        return out;
    }

    private static List<String> candidates(Connection c, RecordView v) throws SQLException {
        var taken = new HashSet<String>();
        taken.add(OrgName.normalise(v.reporterOrg()));
        v.attestations().forEach(a -> taken.add(OrgName.normalise(a.org())));
        var out = new ArrayList<String>();
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT o.name, o.norm FROM organisation o WHERE EXISTS (SELECT 1 FROM app_user u"
                + " WHERE u.role = 'monitor' AND u.org = o.name AND NOT EXISTS (SELECT 1 FROM user_deactivation d WHERE d.name = u.name)) ORDER BY o.id")) {
            while (rs.next()) if (!taken.contains(rs.getString(2))) out.add(rs.getString(1));
        }
        return out;
    }
}
