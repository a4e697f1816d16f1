package org.phasegate.store.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.phasegate.evidence.Role;
import org.phasegate.store.StoreException;
import org.phasegate.store.Tx;
import org.phasegate.store.crypto.DataKey;
import org.phasegate.store.crypto.Hashes;
import org.phasegate.store.ledger.Actor;
import org.phasegate.store.ledger.Appender;
import org.phasegate.store.ledger.Canonical;
import org.phasegate.store.ledger.Kinds;

/**
 * The buy-back and reintegration registry. Participants are known only by a pseudonym, the HMAC-SHA256 of their
 * identity document number under a key derived from the data key; other identifiers (biometric, phone) and weapon
 * serials are kept as HMAC tags too, so duplicates can be found without storing who anyone is. Monitors enrol
 * participants, record hand-ins and status; the board records payments. Every change is a ledger entry.
 */
public final class Registry {
    public static final Set<String> STATUSES = Set.of("enrolled", "disarmed", "in-training", "reintegrated", "dropped-out");
    public static final Set<String> CATEGORIES = Set.of("rockets", "launchers", "small-arms", "explosives", "ammunition", "other");
    private final DataSource ds;
    private final byte[] key;
    private final Clock clock;
    private final int checkpointEvery;

    public Registry(DataSource ds, DataKey dataKey, Clock clock, int checkpointEvery) {
        this.ds = ds;
        this.key = dataKey.derive("phasegate registry pseudonyms v1");
        this.clock = clock;
        this.checkpointEvery = checkpointEvery;
    }

    /** The pseudonym for an identity document number (case, spaces and dashes ignored). */
    public String pseudonym(String documentNumber) {
        return "P-" + tag("id", documentNumber).substring(0, 24);
    }

    private String tag(String purpose, String value) {
        var norm = value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (norm.isEmpty()) throw new StoreException("an empty " + purpose + " cannot be registered");
        return Hashes.hex(DataKey.hmac(key, (purpose + ":" + norm).getBytes(StandardCharsets.UTF_8)));
    }

    /** Enrols a participant; {@code links} are other identifiers of the same person (biometric, phone), tagged. */
    public String enrol(Actor actor, String documentNumber, List<String> links) {
        require(actor, Role.MONITOR, "enrol participants");
        var id = pseudonym(documentNumber);
        var tags = Canonical.array();
        links.forEach(l -> tags.add(tag("link", l)));
        Tx.run(ds, c -> {
            var a = Appender.begin(c, checkpointEvery);
            if (enrolled(c, id)) throw new StoreException("this identity document is already enrolled as " + id + " (duplicate claimant)");
            var p = Canonical.object().put("participant", id);
            p.set("detail", Canonical.object().set("links", tags));
            a.append(Kinds.REGISTRY_ENROL, actor, p, clock.instant());
            a.flush();
            return null;
        });
        return id;
    }

    public void handIn(Actor actor, String participant, String category, int quantity, List<String> serials) {
        require(actor, Role.MONITOR, "record hand-ins");
        if (!CATEGORIES.contains(category)) throw new StoreException("weapon category '" + category + "' is not one of " + sorted(CATEGORIES));
        if (quantity <= 0) throw new StoreException("a hand-in needs a positive quantity, not " + quantity);
        var tags = Canonical.array();
        serials.forEach(s -> tags.add(tag("serial", s)));
        var d = Canonical.object().put("category", category).put("quantity", quantity);
        d.set("serials", tags);
        event(actor, participant, "handin", d);
    }

    public void pay(Actor actor, String participant, int tranche, long amountUsd) {
        require(actor, Role.BOARD, "record payments");
        if (tranche < 1 || amountUsd <= 0) throw new StoreException("a payment needs tranche >= 1 and a positive amount");
        var d = Canonical.object().put("tranche", tranche).put("usd", amountUsd);
        Tx.run(ds, c -> {
            var a = Appender.begin(c, checkpointEvery);
            checkEnrolled(c, participant);
            for (var e : events(c)) {
                if (e.participant().equals(participant) && e.event().equals("payment") && e.detail().path("tranche").asInt() == tranche) {
                    throw new StoreException("tranche " + tranche + " was already paid to " + participant + " (ledger entry " + e.seq() + ")");
                }
            }
            append(a, actor, participant, "payment", d);
            return null;
        });
    }

    public void status(Actor actor, String participant, String status) {
        require(actor, Role.MONITOR, "record reintegration status");
        if (!STATUSES.contains(status)) throw new StoreException("status '" + status + "' is not one of " + sorted(STATUSES));
        event(actor, participant, "status", Canonical.object().put("status", status));
    }

    public List<Finding> duplicates() {
        return Tx.run(ds, c -> DoubleDipping.find(events(c)));
    }

    public List<RegistryEvent> events() {
        return Tx.run(ds, Registry::events);
    }

    private void event(Actor actor, String participant, String event, ObjectNode detail) {
        Tx.run(ds, c -> {
            var a = Appender.begin(c, checkpointEvery);
            checkEnrolled(c, participant);
            append(a, actor, participant, event, detail);
            return null;
        });
    }

    private void append(Appender a, Actor actor, String participant, String event, ObjectNode detail) throws SQLException {
        var p = Canonical.object().put("participant", participant).put("event", event);
        p.set("detail", detail);
        a.append(Kinds.REGISTRY_EVENT, actor, p, clock.instant());
        a.flush();
    }

    private static List<RegistryEvent> events(Connection c) throws SQLException {
        var out = new ArrayList<RegistryEvent>();
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT seq, pseudo_id, event, detail FROM registry_event ORDER BY seq")) {
            while (rs.next()) out.add(new RegistryEvent(rs.getLong(1), rs.getString(2), rs.getString(3), Canonical.parse(rs.getString(4))));
        }
        return out;
    }

    private static boolean enrolled(Connection c, String id) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM registry_participant WHERE pseudo_id = ?")) {
            ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void checkEnrolled(Connection c, String id) throws SQLException {
        if (!enrolled(c, id)) throw new StoreException("no participant " + id + "; enrol them first (phasegate registry enrol)");
    }

    private static void require(Actor actor, Role role, String what) {
        if (actor.role() != role) {
            throw new StoreException(actor.name() + " is a " + actor.role().wireName() + "; only a " + role.wireName() + " may " + what);
        }
    }

    private static String sorted(Set<String> s) {
        return String.join(", ", s.stream().sorted().toList());
    }
}
