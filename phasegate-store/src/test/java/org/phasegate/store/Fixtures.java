package org.phasegate.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.phasegate.evidence.EventsReader;
import org.phasegate.evidence.Role;
import org.phasegate.evidence.Submission;
import org.phasegate.evidence.SubmissionReader;
import org.phasegate.scenario.Verification;
import org.phasegate.store.crypto.DataKey;
import org.phasegate.store.ledger.Actor;

/** A store on a fresh database with a cast of users, and helpers to write records. */
public final class Fixtures {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-10T08:00:00Z"), ZoneOffset.UTC);
    public static final DataKey KEY = DataKey.fromBase64("q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=");
    /** Every cast member's password (the store needs one of at least 12 characters). */
    public static final String PASSWORD = "correct horse battery";
    public static final Verification RULE = new Verification(1, Map.of("incident", 2, "decommissioning", 2));

    private Fixtures() {
    }

    public static Store store() {
        return new Store(TestDb.fresh(), KEY, CLOCK, RULE, 64);
    }

    /** root (admin), mona and mike (UNOPS monitors), nina (ICRC monitor), omar (EUBAM monitor), bea (board), ana (analyst). */
    public static Store storeWithCast() {
        var s = store();
        var users = s.users();
        users.add(Optional.empty(), "root", Role.ADMIN, "Coordination Centre", PASSWORD);
        var root = Optional.of(as(s, "root"));
        for (var org : List.of("UNOPS", "ICRC", "EUBAM", "Board of Peace", "Kroc Institute")) s.organisations().add(root.get(), org);
        users.add(root, "mona", Role.MONITOR, "UNOPS", PASSWORD);
        users.add(root, "mike", Role.MONITOR, "UNOPS", PASSWORD);
        users.add(root, "nina", Role.MONITOR, "ICRC", PASSWORD);
        users.add(root, "omar", Role.MONITOR, "EUBAM", PASSWORD);
        users.add(root, "bea", Role.BOARD, "Board of Peace", PASSWORD);
        users.add(root, "ana", Role.ANALYST, "Kroc Institute", PASSWORD);
        return s;
    }

    /** Actors unlocked once per store and name (each unlock runs Argon2id twice); {@link #unlock} always unlocks afresh. */
    private static final Map<String, Actor> ACTORS = new ConcurrentHashMap<>();

    public static Actor as(Store s, String name) {
        return ACTORS.computeIfAbsent(System.identityHashCode(s) + "/" + name, k -> unlock(s, name));
    }

    /** Rotates the user's key (as themself) and keeps the cast's actor in step with it. */
    public static long rotateKey(Store s, String name) {
        long seq = s.users().rotateKey(as(s, name), name, PASSWORD);
        ACTORS.put(System.identityHashCode(s) + "/" + name, unlock(s, name));
        return seq;
    }

    public static Actor unlock(Store s, String name) {
        return s.users().actor(name, PASSWORD);
    }

    public static List<Submission> parse(String jsonl) {
        return new SubmissionReader(new EventsReader()).parse("test.jsonl", jsonl, true);
    }

    /** An incident record line with the given id (and extra fields appended inside the object). */
    public static String incident(String id, String extra) {
        return "{\"id\":\"" + id + "\",\"type\":\"incident\",\"time\":\"2026-01-05T10:00:00Z\",\"party\":\"hamas\","
                + "\"place\":{\"pcode\":\"PS0260\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[34.45,31.5]}},"
                + "\"attributes\":{\"kind\":\"rocket\"},\"quantities\":{\"killed\":0},"
                + "\"sources\":[{\"url\":\"https://example.org/report/" + id + "\"}]" + extra + "}";
    }
}
