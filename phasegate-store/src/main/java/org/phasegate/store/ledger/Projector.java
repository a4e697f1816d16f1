package org.phasegate.store.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.phasegate.store.crypto.Hashes;
import org.phasegate.store.orgs.Organisations;

/**
 * Derives the query tables from ledger entries. Writes and imports both go through here, so an imported ledger
 * rebuilds exactly the tables the original had (less the secrets, which never enter the ledger).
 */
public final class Projector {
    private Projector() {
    }

    public static void apply(Connection c, Entry e) throws SQLException {
        switch (e.kind()) {
            case Kinds.BENCH, Kinds.AUDIT_DISCLOSE, Kinds.AUDIT_READ, Kinds.AUDIT_DATA_KEY -> { }
            case Kinds.ORG_ADD -> Organisations.project(c, e.seq(), Canonical.parse(e.payload()).path("name").asText());
            case Kinds.USER_DEACTIVATE -> {
                var p = Canonical.parse(e.payload());
                insert(c, "INSERT INTO user_deactivation (name, by_user, reason, seq) VALUES (?, ?, ?, ?)",
                        p.path("name").asText(), e.actor(), p.path("reason").asText(""), e.seq());
            }
            case Kinds.USER_ADD -> user(c, e, Canonical.parse(e.payload()));
            case Kinds.USER_KEY -> publicKey(c, e, Canonical.parse(e.payload()));
            case Kinds.RECORD_ADD -> record(c, e, Canonical.parse(e.payload()));
            case Kinds.RECORD_ATTEST -> {
                var p = Canonical.parse(e.payload());
                insert(c, "INSERT INTO attestation (record_id, by_user, org, seq) VALUES (?, ?, ?, ?)",
                        p.path("id").asText(), e.actor(), p.path("org").asText(), e.seq());
            }
            case Kinds.RECORD_DISPUTE, Kinds.RECORD_REJECT, Kinds.RECORD_ADJUDICATE -> {
                var p = Canonical.parse(e.payload());
                String event = e.kind().equals(Kinds.RECORD_ADJUDICATE) ? p.path("outcome").asText()
                        : e.kind().substring("record.".length());
                insert(c, "INSERT INTO record_event (record_id, event, by_user, reason, seq) VALUES (?, ?, ?, ?, ?)",
                        p.path("id").asText(), event, e.actor(), p.path("reason").asText(""), e.seq());
            }
            case Kinds.CHECKPOINT -> {
                var p = Canonical.parse(e.payload());
                insert(c, "INSERT INTO checkpoint (upto_seq, from_seq, root, seq) VALUES (?, ?, ?, ?)",
                        p.path("to").asLong(), p.path("from").asLong(), Hashes.unhex(p.path("root").asText()), e.seq());
            }
            case Kinds.REGISTRY_ENROL -> {
                var p = Canonical.parse(e.payload());
                insert(c, "INSERT INTO registry_participant (pseudo_id, enrolled_at, seq) VALUES (?, ?, ?)",
                        p.path("participant").asText(), e.at().atOffset(ZoneOffset.UTC), e.seq());
                insert(c, "INSERT INTO registry_event (pseudo_id, event, detail, seq) VALUES (?, ?, ?, ?)",
                        p.path("participant").asText(), "enrol", Canonical.json(p.path("detail")), e.seq());
            }
            case Kinds.REGISTRY_EVENT -> {
                var p = Canonical.parse(e.payload());
                insert(c, "INSERT INTO registry_event (pseudo_id, event, detail, seq) VALUES (?, ?, ?, ?)",
                        p.path("participant").asText(), p.path("event").asText(), Canonical.json(p.path("detail")), e.seq());
            }
            default -> throw new IllegalArgumentException("entry " + e.seq() + ": unknown kind '" + e.kind() + "'");
        }
    }

    private static void user(Connection c, Entry e, JsonNode p) throws SQLException {
        Organisations.projectIfNew(c, e.seq(), p.path("org").asText());
        insert(c, "INSERT INTO app_user (name, role, org, public_key, seq) VALUES (?, ?, ?, ?, ?)",
                p.path("name").asText(), p.path("role").asText(), p.path("org").asText(),
                Base64.getDecoder().decode(p.path("publicKey").asText()), e.seq());
        publicKey(c, e, p);
    }

    private static void publicKey(Connection c, Entry e, JsonNode p) throws SQLException {
        insert(c, "INSERT INTO user_public_key (name, public_key, seq) VALUES (?, ?, ?)",
                p.path("name").asText(), Base64.getDecoder().decode(p.path("publicKey").asText()), e.seq());
    }

    private static void record(Connection c, Entry e, JsonNode p) throws SQLException {
        insert(c, "INSERT INTO record (id, type, observed_at, party, reporter, reporter_org, confidentiality, supersedes,"
                        + " body, commitment, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p.path("id").asText(), p.path("type").asText(),
                Instant.parse(p.path("time").asText()).atOffset(ZoneOffset.UTC), text(p, "party"),
                e.actor(), p.path("reporterOrg").asText(), p.path("confidentiality").asText(), text(p, "supersedes"),
                Canonical.json(p.path("body")), text(p, "commitment"), e.seq());
    }

    private static String text(JsonNode p, String field) {
        var v = p.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void insert(Connection c, String sql, Object... args) throws SQLException {
        try (var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        }
    }
}
