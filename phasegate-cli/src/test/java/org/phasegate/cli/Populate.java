package org.phasegate.cli;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.phasegate.evidence.EventsReader;
import org.phasegate.evidence.Role;
import org.phasegate.evidence.SubmissionReader;
import org.phasegate.scenario.Verification;
import org.phasegate.store.Database;
import org.phasegate.store.Store;
import org.phasegate.store.Tx;
import org.phasegate.store.crypto.DataKey;
import org.phasegate.store.ledger.Appender;
import org.phasegate.store.ledger.Canonical;
import org.phasegate.store.ledger.Kinds;

/** Fills a store through the store API (faster than a command per step) so that every served table has rows. */
final class Populate {
    static final DataKey KEY = new DataKey(new byte[32]);
    static final String PASSWORD = LedgerCliTest.PASSWORD;

    private Populate() {
    }

    static String incident(String id, String extra) {
        return "{\"id\":\"" + id + "\",\"type\":\"incident\",\"time\":\"2026-01-05T10:00:00Z\",\"party\":\"hamas\","
                + "\"place\":{\"pcode\":\"PS0260\"},\"attributes\":{\"kind\":\"rocket\"},"
                + "\"sources\":[{\"url\":\"https://example.org/report/" + id + "\"}]" + extra + "}";
    }

    /** One import (import_batch and its import_row), so every served table has a row to tamper with. */
    static void importPlace(org.phasegate.store.Store s, org.phasegate.store.ledger.Actor monitor) {
        var bytes = ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"line-1\",\"properties\":{},"
                + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[34.3,31.3],[34.5,31.5]]}}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var kind = org.phasegate.importing.ImportKind.GEOJSON;
        var request = new org.phasegate.store.imports.ImportRequest(kind, "lines.geojson",
                org.phasegate.store.crypto.Hashes.hex(org.phasegate.store.crypto.Hashes.sha256(bytes)), org.phasegate.scenario.ImportPolicy.DEFAULT, false, false);
        s.importer().run(monitor, org.phasegate.importing.Importers.reader(kind, java.nio.file.Path.of("lines.geojson"), java.util.Optional.empty()),
                () -> new java.io.ByteArrayInputStream(bytes), request);
    }

    static void into(Database db) {
        try (var s = new Store(db, KEY, Clock.systemUTC(), new Verification(1, Map.of("incident", 2)), 64)) {
            var users = s.users();
            users.add(Optional.empty(), "root", Role.ADMIN, "Coordination Centre", PASSWORD);
            var root = Optional.of(users.actor("root", PASSWORD));
            for (var org : List.of("UNOPS", "ICRC", "EUBAM", "Board of Peace")) s.organisations().add(root.get(), org);
            users.add(root, "mona", Role.MONITOR, "UNOPS", PASSWORD);
            users.add(root, "nina", Role.MONITOR, "ICRC", PASSWORD);
            users.add(root, "omar", Role.MONITOR, "EUBAM", PASSWORD);
            users.add(root, "bea", Role.BOARD, "Board of Peace", PASSWORD);
            users.add(root, "dora", Role.MONITOR, "EUBAM", PASSWORD);
            users.deactivate(root.get(), "dora", "left the mission");
            var mona = users.actor("mona", PASSWORD);
            var nina = users.actor("nina", PASSWORD);
            var omar = users.actor("omar", PASSWORD);
            var bea = users.actor("bea", PASSWORD);
            var lines = String.join("\n", incident("inc-1", ""), incident("inc-2", ""), incident("inc-r", ",\"confidentiality\":\"restricted\""),
                    incident("inc-c", ",\"confidentiality\":\"confidential\",\"confidential\":{\"site\":\"north\"}"));
            s.records().add(mona, new SubmissionReader(new EventsReader()).parse("test.jsonl", lines, true));
            s.records().attest(nina, "inc-1");
            s.records().attest(omar, "inc-1");
            s.records().dispute(nina, "inc-2", "wrong place");
            s.records().adjudicate(bea, "inc-2", true, "stands");
            s.records().reject(bea, "inc-r", "duplicate");
            s.records().add(mona, new SubmissionReader(new EventsReader()).parse("test.jsonl", incident("inc-3", ",\"supersedes\":\"inc-2\""), true));
            importPlace(s, mona);
            var p = s.registry().enrol(mona, "GZ-0001", List.of());
            s.registry().handIn(mona, p, "small-arms", 1, List.of("AK-1"));
            users.rotateKey(mona, "mona", PASSWORD);
            var bench = omar;
            Tx.run(db.dataSource(), c -> {
                var a = Appender.begin(c, 64);
                for (int i = 0; i < 280; i++) a.append(Kinds.BENCH, bench, Canonical.object().put("i", i), Clock.systemUTC().instant());
                a.flush();
                return null;
            });
        }
    }
}
