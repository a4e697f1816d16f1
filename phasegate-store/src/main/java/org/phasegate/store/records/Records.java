package org.phasegate.store.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.phasegate.evidence.Attestation;
import org.phasegate.evidence.Confidentiality;
import org.phasegate.evidence.EventsReader;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.evidence.Role;
import org.phasegate.evidence.Submission;
import org.phasegate.evidence.VerificationRule;
import org.phasegate.evidence.Workflow;
import org.phasegate.scenario.Verification;
import org.phasegate.store.RecordRefused;
import org.phasegate.store.StoreException;
import org.phasegate.store.Tx;
import org.phasegate.store.crypto.DataKey;
import org.phasegate.store.ledger.Actor;
import org.phasegate.store.ledger.Appender;
import org.phasegate.store.ledger.Canonical;
import org.phasegate.store.ledger.Kinds;

/**
 * Evidence records and their verification workflow. Every change is a ledger entry; the rules are
 * {@link Workflow}'s, with each record's {@link VerificationRule} from the scenario's verification section (k
 * independent organisations per record type, or the designated body that covers the record's type and attributes),
 * exactly as the gate engine applies it. Callers pass the acting
 * user (writes) or role (reads); the store enforces what each role may do and see.
 */
public final class Records {
    private final DataSource ds;
    private final Vault vault;
    private final Clock clock;
    private final Verification rule;
    private final int checkpointEvery;

    public Records(DataSource ds, DataKey dataKey, Clock clock, Verification rule, int checkpointEvery) {
        this.ds = ds;
        this.vault = new Vault(dataKey);
        this.clock = clock;
        this.rule = rule;
        this.checkpointEvery = checkpointEvery;
    }

    /**
     * Reports a batch of records in one transaction: all are stored, or (on any refusal) none. The batch is consumed
     * once, as it is iterated, so a caller may stream it.
     */
    public void add(Actor actor, Iterable<Submission> batch) {
        Workflow.refuseReport(actor.name(), actor.role()).ifPresent(Records::refuse);
        Tx.run(ds, c -> {
            var reports = new Reports(c, Appender.begin(c, checkpointEvery));
            for (var s : batch) reports.add(actor, s);
            reports.finish();
            return null;
        });
    }

    /** One user's batch of reports, for {@link #addGroups}. */
    public record Group(Actor actor, List<Submission> batch) {
        public Group {
            batch = List.copyOf(batch);
        }
    }

    /**
     * Several users' batches in one transaction (one commit for all: how a server groups concurrent submissions); all
     * are stored, or (on any refusal, of any group) none, and the caller may then try each group alone.
     */
    public void addGroups(List<Group> groups) {
        for (var g : groups) Workflow.refuseReport(g.actor().name(), g.actor().role()).ifPresent(Records::refuse);
        Tx.run(ds, c -> {
            var reports = new Reports(c, Appender.begin(c, checkpointEvery));
            for (var g : groups) for (var s : g.batch()) reports.add(g.actor(), s);
            reports.finish();
            return null;
        });
    }

    /**
     * Reports within one transaction, in order. Ids are checked against the store a chunk at a time (one query per
     * {@value #CHUNK} records, not three per record) and against this transaction's own reports in memory; the entries
     * and their rows are written in batches.
     */
    private final class Reports {
        static final int CHUNK = 512;
        private final Connection c;
        private final Appender appender;
        private final Set<String> reported = new HashSet<>();
        private final List<Map.Entry<Actor, Submission>> chunk = new ArrayList<>();

        Reports(Connection c, Appender appender) {
            this.c = c;
            this.appender = appender;
        }

        void add(Actor actor, Submission s) throws SQLException {
            chunk.add(Map.entry(actor, s));
            if (chunk.size() == CHUNK) write();
        }

        void finish() throws SQLException {
            write();
            appender.flush();
        }

        private void write() throws SQLException {
            var stored = stored(c, chunk.stream().map(e -> e.getValue().record().id()).toList());
            for (var e : chunk) {
                var s = e.getValue();
                try {
                    StoreInput.check(s);
                    addOne(e.getKey(), s, stored);
                } catch (StoreException refused) {
                    throw new RecordRefused(s.line(), refused.getMessage());
                }
            }
            chunk.clear();
        }

        private void addOne(Actor actor, Submission s, Set<String> stored) throws SQLException {
            var id = s.record().id();
            if (stored.contains(id) || !reported.add(id)) {
                refuse("record '" + id + "' already exists; to correct it, report a new record with \"supersedes\":\"" + id + "\"");
            }
            if (s.supersedes().isPresent()) {
                appender.flush();   // the record it supersedes may be one reported earlier in this transaction
                var old = history(c, s.supersedes().get()).orElseThrow(() -> new StoreException(
                        "record '" + id + "' supersedes '" + s.supersedes().get() + "', which does not exist"));
                Workflow.refuseSupersede(old, ruleOf(c, old.id()), actor.name(), actor.role()).ifPresent(Records::refuse);
            }
            appender.append(Kinds.RECORD_ADD, actor, payload(c, actor, s), clock.instant());
        }
    }

    /** Which of these ids the store already holds. */
    private static Set<String> stored(Connection c, List<String> ids) throws SQLException {
        var out = new HashSet<String>();
        if (ids.isEmpty()) return out;
        try (var ps = c.prepareStatement("SELECT id FROM record WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    private ObjectNode payload(Connection c, Actor actor, Submission s) throws SQLException {
        var r = s.record();
        var p = Canonical.object().put("id", r.id()).put("type", r.type().wireName()).put("time", r.time().toString())
                .put("reporterOrg", actor.org()).put("confidentiality", s.confidentiality().wireName());
        r.party().ifPresent(v -> p.put("party", v));
        s.supersedes().ifPresent(v -> p.put("supersedes", v));
        p.set("body", Canonical.parse(s.publicJson()));
        if (s.confidentialJson().isPresent()) p.put("commitment", vault.seal(c, s.confidentialJson().get()));
        return p;
    }

    public Disclosure disclose(Actor actor, String id, String reason) {
        if (!actor.role().mayDisclose()) {
            refuse(actor.name() + " is a " + actor.role().wireName() + "; only the board and admins may open confidential parts");
        }
        return Tx.run(ds, c -> {
            String commitment;
            try (var ps = c.prepareStatement("SELECT commitment FROM record WHERE id = ?")) {
                ps.setString(1, id);
                try (var rs = ps.executeQuery()) {
                    if (!rs.next()) refuse("no record '" + id + "'");
                    commitment = rs.getString(1);
                }
            }
            if (commitment == null) refuse("record '" + id + "' has no confidential part");
            var disclosure = vault.open(c, id, commitment);
            var appender = Appender.begin(c, checkpointEvery);
            appender.append(Kinds.AUDIT_DISCLOSE, actor, Canonical.object().put("id", id).put("role", actor.role().wireName())
                    .put("commitment", commitment).put("reason", reason), clock.instant());
            appender.flush();
            return disclosure;
        });
    }

    public void attest(Actor actor, String id) {
        act(actor, id, Kinds.RECORD_ATTEST, (h, k) -> Workflow.refuseAttest(h, k, actor.name(), actor.org(), actor.role()),
                Canonical.object().put("id", id).put("org", actor.org()));
    }

    public void dispute(Actor actor, String id, String reason) {
        act(actor, id, Kinds.RECORD_DISPUTE, (h, k) -> Workflow.refuseDispute(h, k, actor.name(), actor.role()),
                Canonical.object().put("id", id).put("reason", reason));
    }

    public void adjudicate(Actor actor, String id, boolean upheld, String reason) {
        act(actor, id, Kinds.RECORD_ADJUDICATE, (h, k) -> Workflow.refuseAdjudicate(h, k, actor.name(), actor.role()),
                Canonical.object().put("id", id).put("outcome", upheld ? "upheld" : "overturned").put("reason", reason));
    }

    public void reject(Actor actor, String id, String reason) {
        act(actor, id, Kinds.RECORD_REJECT, (h, k) -> Workflow.refuseReject(h, k, actor.name(), actor.role()),
                Canonical.object().put("id", id).put("reason", reason));
    }

    private interface Rule {
        Optional<String> refuse(Workflow.History h, VerificationRule k);
    }

    private void act(Actor actor, String id, String kind, Rule rule, JsonNode payload) {
        Tx.run(ds, c -> {
            var appender = Appender.begin(c, checkpointEvery);  // takes the ledger lock first, so checks see the latest state
            var h = history(c, id).orElseThrow(() -> new StoreException("no record '" + id + "'; see: phasegate record list"));
            rule.refuse(h, ruleOf(c, id)).ifPresent(Records::refuse);
            appender.append(kind, actor, payload, clock.instant());
            appender.flush();
            return null;
        });
    }

    /**
     * Records the reader may see (empty: the public view), with their state, filtered. When the reader sees
     * restricted records, the read is audited: an {@code audit.read} entry signed by the reader names them.
     */
    public List<RecordView> list(Optional<Actor> reader, Predicate<RecordView> filter) {
        var role = reader.map(Actor::role).orElse(Role.PUBLIC);
        return Tx.run(ds, c -> {
            var out = new ArrayList<RecordView>();
            for (var v : all(c)) if (role.seesRecord(v.confidentiality()) && filter.test(v)) out.add(v);
            auditRestricted(c, reader, out, "list");
            return out;
        });
    }

    /** One record as the reader may see it, with what it still needs, or a refusal if there is none they may see. */
    public RecordDetail show(Optional<Actor> reader, String id) {
        var role = reader.map(Actor::role).orElse(Role.PUBLIC);
        return Tx.run(ds, c -> {
            var row = rows(c, "WHERE r.id = ?", id).stream().findFirst()
                    .filter(r -> role.seesRecord(r.view().confidentiality()))
                    .orElseThrow(() -> new StoreException("no record '" + id + "' that " + (reader.isPresent() ? reader.get().name() : "the public")
                            + " may see; see: phasegate record list" + (reader.isPresent() ? " --as " + reader.get().name() : "")));
            auditRestricted(c, reader, List.of(row.view()), "show");
            return RecordDetail.of(c, row.view(), row.history());
        });
    }

    /** The verified records the reader may see (empty: the public view), as the gate engine takes them; audited as {@link #list}. */
    public List<EvidenceRecord> verified(Optional<Actor> reader) {
        var reader0 = new EventsReader();
        var out = new ArrayList<EvidenceRecord>();
        for (var v : list(reader, v -> v.state() == Workflow.State.VERIFIED)) {
            var r = reader0.parseOne(v.body(), "store:" + v.id());
            out.add(new EvidenceRecord(r.id(), r.type(), r.time(), r.party(), r.place(), r.quantities(), r.attributes(),
                    r.obligation(), r.progress(), false, new Attestation(v.reporter(), v.reporterOrg()), v.attestations(), r.sources()));
        }
        return out;
    }

    private void auditRestricted(Connection c, Optional<Actor> reader, List<RecordView> seen, String view) throws SQLException {
        var restricted = seen.stream().filter(v -> v.confidentiality() == Confidentiality.RESTRICTED).map(RecordView::id).toList();
        if (restricted.isEmpty() || reader.isEmpty()) return;
        var ids = Canonical.array();
        restricted.forEach(ids::add);
        var appender = Appender.begin(c, checkpointEvery);
        var payload = Canonical.object().put("view", view).put("role", reader.get().role().wireName());
        payload.set("ids", ids);
        appender.append(Kinds.AUDIT_READ, reader.get(), payload, clock.instant());
        appender.flush();
    }

    public Workflow.State state(String id) {
        return Tx.run(ds, c -> {
            var h = history(c, id).orElseThrow(() -> new StoreException("no record '" + id + "'"));
            return Workflow.state(h, ruleOf(c, id));
        });
    }

    private VerificationRule ruleOf(Connection c, String id) throws SQLException {
        try (var ps = c.prepareStatement("SELECT type, body FROM record WHERE id = ?")) {
            ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? ruleFor(rs.getString(1), rs.getString(2)) : new VerificationRule.Count(rule.defaultAttestations());
            }
        }
    }

    /** The scenario's rule for a stored record: by its type and the attributes of its public part. */
    private VerificationRule ruleFor(String type, String body) {
        var attributes = new HashMap<String, String>();
        Canonical.parse(body).path("attributes").properties().forEach(e -> {
            if (e.getValue().isValueNode()) attributes.put(e.getKey(), e.getValue().asText());
        });
        return rule.ruleFor(type, attributes);
    }

    private Optional<Workflow.History> history(Connection c, String id) throws SQLException {
        return rows(c, "WHERE r.id = ?", id).stream().findFirst().map(Row::history);
    }

    private List<RecordView> all(Connection c) throws SQLException {
        return rows(c, "", null).stream().map(Row::view).toList();
    }

    private record Row(RecordView view, Workflow.History history) {
    }

    private List<Row> rows(Connection c, String where, String id) throws SQLException {
        var attestations = new HashMap<String, List<Attestation>>();
        try (var ps = c.prepareStatement("SELECT a.record_id, a.by_user, a.org FROM attestation a JOIN record r ON r.id = a.record_id "
                + where + " ORDER BY a.seq")) {
            if (id != null) ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) attestations.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Attestation(rs.getString(2), rs.getString(3)));
            }
        }
        var events = new HashMap<String, List<Workflow.Event>>();
        try (var ps = c.prepareStatement("SELECT e.record_id, e.event FROM record_event e JOIN record r ON r.id = e.record_id " + where + " ORDER BY e.seq")) {
            if (id != null) ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) events.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(Workflow.Event.valueOf(rs.getString(2).toUpperCase()));
            }
        }
        var rows = new ArrayList<Row>();
        try (var ps = c.prepareStatement("SELECT r.id, r.type, r.observed_at, r.party, r.reporter, r.reporter_org, r.confidentiality,"
                + " r.supersedes, r.commitment, r.body, EXISTS (SELECT 1 FROM record s WHERE s.supersedes = r.id) FROM record r " + where + " ORDER BY r.seq")) {
            if (id != null) ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    String rid = rs.getString(1);
                    var h = new Workflow.History(rid, rs.getString(5), rs.getString(6), attestations.getOrDefault(rid, List.of()),
                            events.getOrDefault(rid, List.of()), rs.getBoolean(11));
                    var verifiedBy = ruleFor(rs.getString(2), rs.getString(10));
                    rows.add(new Row(new RecordView(rid, rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                            Optional.ofNullable(rs.getString(4)), rs.getString(5), rs.getString(6),
                            Confidentiality.fromWire(rs.getString(7)).orElseThrow(), Workflow.state(h, verifiedBy), verifiedBy,
                            h.attestations(), Optional.ofNullable(rs.getString(8)), Optional.ofNullable(rs.getString(9)), rs.getString(10)), h));
                }
            }
        }
        return rows;
    }

    private static void refuse(String why) {
        throw new StoreException(why);
    }
}
