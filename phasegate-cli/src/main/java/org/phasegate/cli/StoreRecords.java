package org.phasegate.cli;

import java.util.List;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.evidence.Role;
import org.phasegate.scenario.Verification;
import org.phasegate.store.StoreException;

/** The verified records in the evidence store, as a role sees them, for the gate engine. */
final class StoreRecords {
    private StoreRecords() {
    }

    static List<EvidenceRecord> verified(StoreOptions options, Verification rule, String role) {
        var r = Role.fromWire(role).orElseThrow(() -> new StoreException("--role '" + role + "' is not one of " + String.join(", ", Role.wireNames())));
        try (var s = options.open(rule)) {
            return s.records().verified(r);
        }
    }
}
