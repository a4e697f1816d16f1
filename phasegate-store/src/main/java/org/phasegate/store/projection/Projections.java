package org.phasegate.store.projection;

import static org.phasegate.store.projection.Column.bytes;
import static org.phasegate.store.projection.Column.number;
import static org.phasegate.store.projection.Column.text;
import static org.phasegate.store.projection.Column.time;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.stream.IntStream;
import java.util.Base64;
import java.util.List;
import org.phasegate.evidence.OrgName;
import org.phasegate.store.crypto.Hashes;
import org.phasegate.store.ledger.Canonical;
import org.phasegate.store.ledger.Entry;
import org.phasegate.store.ledger.Kinds;

/**
 * Every table the store serves, and how each is derived from the ledger: the one place both writing (the
 * {@link org.phasegate.store.ledger.Projector}) and checking ({@link Replay}) take it from. To project a new table,
 * declare it here, add it to {@link #TABLES} (parents before the tables whose foreign keys point at them) and give
 * the rows an entry produces in {@link #rows}. Not here: the ledger itself, schema history, and the secrets that never
 * enter the ledger (user_key, confidential_blob, sealed_secret; auth_failure, which no key signs) or are checked by their own signatures (head_signature).
 */
public final class Projections {
    public static final Table APP_USER = new Table("app_user",
            List.of(text("name"), text("role"), text("org"), bytes("public_key"), number("seq")), 1);
    /** Registered organisations: id = the registering entry (an org.add, or the first admin's user.add). */
    public static final Table ORGANISATION = new Table("organisation", List.of(number("id"), text("name"), text("norm"), number("seq")), 1);
    public static final Table USER_DEACTIVATION = new Table("user_deactivation",
            List.of(text("name"), text("by_user"), text("reason"), number("seq")), 1);
    public static final Table USER_PUBLIC_KEY = new Table("user_public_key", List.of(number("seq"), text("name"), bytes("public_key")), 1);
    public static final Table RECORD = new Table("record", List.of(text("id"), text("type"), time("observed_at"), text("party"),
            text("reporter"), text("reporter_org"), text("confidentiality"), text("supersedes"), text("body"), text("commitment"),
            number("seq")), 1);
    public static final Table ATTESTATION = new Table("attestation", List.of(text("record_id"), text("by_user"), text("org"), number("seq")), 2);
    public static final Table RECORD_EVENT = new Table("record_event",
            List.of(number("seq"), text("record_id"), text("event"), text("by_user"), text("reason")), 1);
    public static final Table CHECKPOINT = new Table("checkpoint", List.of(number("upto_seq"), number("from_seq"), bytes("root"), number("seq")), 1);
    public static final Table REGISTRY_PARTICIPANT = new Table("registry_participant",
            List.of(text("pseudo_id"), time("enrolled_at"), number("seq")), 1);
    public static final Table REGISTRY_EVENT = new Table("registry_event",
            List.of(number("seq"), text("pseudo_id"), text("event"), text("detail")), 1);
    /** Complete Merkle subtrees over the entries (see {@link org.phasegate.store.tree.Frontier}); derived by the replay's tree. */
    public static final Table MERKLE_NODE = new Table("merkle_node", List.of(number("level"), number("idx"), bytes("hash")), 2);

    /** Imports (one per 'import' entry, id = its seq); their rows, in import_row, are checked against the entry's root by ImportAudit. */
    public static final Table IMPORT_BATCH = new Table("import_batch", List.of(number("id"), text("kind"), text("dataset"), text("file"),
            text("file_sha256"), number("row_count"), text("root"), text("state"), text("origin"), text("licence"), text("attribution"),
            text("source_url"), number("seq")), 1);

    public static final List<Table> TABLES = List.of(APP_USER, ORGANISATION, USER_DEACTIVATION, USER_PUBLIC_KEY, RECORD, ATTESTATION, RECORD_EVENT, CHECKPOINT,
            REGISTRY_PARTICIPANT, REGISTRY_EVENT, MERKLE_NODE, IMPORT_BATCH);

    private Projections() {
    }

    /** The rows one entry adds to the served tables (Merkle nodes aside). */
    public static List<Row> rows(Entry e) {
        return switch (e.kind()) {
            case Kinds.BENCH, Kinds.AUDIT_DISCLOSE, Kinds.AUDIT_READ, Kinds.AUDIT_DATA_KEY -> List.of();
            case Kinds.USER_ADD -> {
                var p = payload(e);
                var key = Base64.getDecoder().decode(p.path("publicKey").asText());
                var rows = new java.util.ArrayList<Row>(List.of(APP_USER.row(p.path("name").asText(), p.path("role").asText(), p.path("org").asText(), key, e.seq()),
                        USER_PUBLIC_KEY.row(e.seq(), p.path("name").asText(), key)));
                if (p.path("registersOrg").asBoolean(false)) rows.add(organisation(e, p.path("org").asText()));
                yield rows;
            }
            case Kinds.ORG_ADD -> List.of(organisation(e, payload(e).path("name").asText()));
            case Kinds.USER_DEACTIVATE -> {
                var p = payload(e);
                yield List.of(USER_DEACTIVATION.row(p.path("name").asText(), e.actor(), p.path("reason").asText(""), e.seq()));
            }
            case Kinds.USER_KEY -> {
                var p = payload(e);
                yield List.of(USER_PUBLIC_KEY.row(e.seq(), p.path("name").asText(), Base64.getDecoder().decode(p.path("publicKey").asText())));
            }
            case Kinds.RECORD_ADD -> {
                var p = payload(e);
                yield List.of(RECORD.row(p.path("id").asText(), p.path("type").asText(), Instant.parse(p.path("time").asText()),
                        optional(p, "party"), e.actor(), p.path("reporterOrg").asText(), p.path("confidentiality").asText(),
                        optional(p, "supersedes"), Canonical.json(p.path("body")), optional(p, "commitment"), e.seq()));
            }
            case Kinds.RECORD_ATTEST -> {
                var p = payload(e);
                yield List.of(ATTESTATION.row(p.path("id").asText(), e.actor(), p.path("org").asText(), e.seq()));
            }
            case Kinds.RECORD_DISPUTE, Kinds.RECORD_REJECT, Kinds.RECORD_ADJUDICATE -> {
                var p = payload(e);
                String event = e.kind().equals(Kinds.RECORD_ADJUDICATE) ? p.path("outcome").asText() : e.kind().substring("record.".length());
                yield List.of(RECORD_EVENT.row(e.seq(), p.path("id").asText(), event, e.actor(), p.path("reason").asText("")));
            }
            case Kinds.CHECKPOINT -> {
                var p = payload(e);
                yield List.of(CHECKPOINT.row(p.path("to").asLong(), p.path("from").asLong(), Hashes.unhex(p.path("root").asText()), e.seq()));
            }
            case Kinds.REGISTRY_ENROL -> {
                var p = payload(e);
                yield List.of(REGISTRY_PARTICIPANT.row(p.path("participant").asText(), e.at(), e.seq()),
                        REGISTRY_EVENT.row(e.seq(), p.path("participant").asText(), "enrol", Canonical.json(p.path("detail"))));
            }
            case Kinds.REGISTRY_EVENT -> {
                var p = payload(e);
                yield List.of(REGISTRY_EVENT.row(e.seq(), p.path("participant").asText(), p.path("event").asText(), Canonical.json(p.path("detail"))));
            }
            case Kinds.IMPORT -> {
                var p = payload(e);
                yield List.of(IMPORT_BATCH.row(e.seq(), p.path("kind").asText(), p.path("dataset").asText(), p.path("file").asText(),
                        p.path("fileSha256").asText(), p.path("rows").asLong(), p.path("root").asText(), p.path("state").asText(),
                        p.path("origin").asText(), p.path("licence").asText(), p.path("attribution").asText(), p.path("sourceUrl").asText(), e.seq()));
            }
            default -> throw new IllegalArgumentException("entry " + e.seq() + ": unknown kind '" + e.kind() + "'");
        };
    }

    /** Inserts one row (the store's writes; the checks read with {@link Replay}). */
    public static void insert(Connection c, Row row) throws SQLException {
        insert(c, List.of(row));
    }

    /**
     * Inserts rows in their order, each run of rows of one table as one JDBC batch (one round trip, not one per row);
     * keeping the order keeps parents before the rows whose foreign keys point at them.
     */
    public static void insert(Connection c, List<Row> rows) throws SQLException {
        int from = 0;
        while (from < rows.size()) {
            var table = rows.get(from).table();
            int to = from;
            while (to < rows.size() && rows.get(to).table().equals(table)) to++;
            try (var ps = c.prepareStatement(table.insertSql())) {
                var columns = IntStream.range(0, table.columns().size()).boxed().toList();
                for (var row : rows.subList(from, to)) {
                    row.bind(ps, 1, columns);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            from = to;
        }
    }

    private static Row organisation(Entry e, String name) {
        return ORGANISATION.row(e.seq(), OrgName.display(name), OrgName.normalise(name), e.seq());
    }

    private static JsonNode payload(Entry e) {
        return Canonical.parse(e.payload());
    }

    private static String optional(JsonNode p, String field) {
        var v = p.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
