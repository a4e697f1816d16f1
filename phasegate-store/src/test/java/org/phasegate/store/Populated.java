package org.phasegate.store;

import static org.phasegate.store.Fixtures.as;
import static org.phasegate.store.Fixtures.parse;

import java.util.List;
import org.phasegate.store.ledger.Appender;
import org.phasegate.store.ledger.Canonical;
import org.phasegate.store.ledger.Kinds;

/** A store with a row in every served table: records of each confidentiality and fate, an import, the registry, a key rotation, a deactivation, a checkpoint, stored Merkle subtrees and a cosigned head. */
public final class Populated {
    private Populated() {
    }

    /** One import (an import_batch row and its import_row rows): two places from a small GeoJSON file. */
    static void importPlaces(Store s) {
        var geojson = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"zone-1\",\"properties\":{\"name\":\"Zone\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[34.3,31.3],[34.4,31.3],[34.4,31.4],[34.3,31.3]]]}},"
                + "{\"type\":\"Feature\",\"id\":\"line-1\",\"properties\":{},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[34.3,31.3],[34.5,31.5]]}}]}";
        var bytes = geojson.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var request = new org.phasegate.store.imports.ImportRequest(org.phasegate.importing.ImportKind.GEOJSON, "zones.geojson",
                org.phasegate.store.crypto.Hashes.hex(org.phasegate.store.crypto.Hashes.sha256(bytes)), org.phasegate.scenario.ImportPolicy.DEFAULT, false, false);
        s.importer().run(as(s, "mona"), org.phasegate.importing.Importers.reader(org.phasegate.importing.ImportKind.GEOJSON, java.nio.file.Path.of("zones.geojson"),
                java.util.Optional.empty()), () -> new java.io.ByteArrayInputStream(bytes), request);
    }

    public static Store store() {
        var s = Fixtures.storeWithCast();
        var decommissioning = "{\"id\":\"dec-1\",\"type\":\"decommissioning\",\"time\":\"2026-01-07T12:00:00Z\",\"party\":\"hamas\","
                + "\"place\":{\"pcode\":\"PS0502\"},\"attributes\":{\"category\":\"small-arms\",\"method\":\"beyond-use\","
                + "\"inventory-ref\":\"INV-2026-01\"},\"quantities\":{\"items\":40},\"sources\":[{\"url\":\"https://example.org/iicd/1\"}],"
                + "\"confidentiality\":\"confidential\",\"confidential\":{\"site\":\"north\"}}";
        s.records().add(as(s, "mona"), parse(String.join("\n", Fixtures.incident("inc-1", ""), Fixtures.incident("inc-2", ""),
                Fixtures.incident("inc-r", ",\"confidentiality\":\"restricted\""), decommissioning)));
        s.records().attest(as(s, "nina"), "inc-1");
        s.records().attest(as(s, "omar"), "inc-1");
        s.records().dispute(as(s, "nina"), "inc-2", "wrong place");
        s.records().adjudicate(as(s, "bea"), "inc-2", false, "confirmed elsewhere");
        s.records().reject(as(s, "bea"), "inc-r", "duplicate");
        s.records().add(as(s, "mona"), parse(Fixtures.incident("inc-3", ",\"supersedes\":\"inc-1\"")));
        var p = s.registry().enrol(as(s, "mona"), "GZ-0001", List.of("fingerprint:1"));
        s.registry().handIn(as(s, "mona"), p, "small-arms", 1, List.of("AK-1"));
        Fixtures.rotateKey(s, "mike");
        var mike = as(s, "mike");
        s.users().add(java.util.Optional.of(as(s, "root")), "dora", org.phasegate.evidence.Role.MONITOR, "EUBAM", Fixtures.PASSWORD);
        s.users().deactivate(as(s, "root"), "dora", "left the mission");
        importPlaces(s);
        Tx.run(s.database().dataSource(), c -> {
            var a = Appender.begin(c, 64);
            for (int i = 0; i < 300; i++) a.append(Kinds.BENCH, mike, Canonical.object().put("i", i), Fixtures.CLOCK.instant());
            a.flush();
            return null;
        });
        var audit = s.audit();
        if (!audit.ok()) throw new IllegalStateException("the populated store does not verify: " + audit.problem().orElseThrow());
        s.heads().sign(as(s, "nina"), audit.treeSize(), audit.root());
        return s;
    }
}
