package org.phasegate.store;

import static org.phasegate.store.Fixtures.as;
import static org.phasegate.store.Fixtures.parse;

import java.util.List;
import org.phasegate.store.ledger.Appender;
import org.phasegate.store.ledger.Canonical;
import org.phasegate.store.ledger.Kinds;

/** A store with a row in every served table: records of each confidentiality and fate, the registry, a key rotation, a deactivation, a checkpoint, stored Merkle subtrees and a cosigned head. */
public final class Populated {
    private Populated() {
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
