package org.phasegate.cli;

import java.util.List;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.evidence.Role;
import org.phasegate.scenario.Verification;

/** The verified records in the evidence store, as the public sees them, for the gate engine. */
final class StoreRecords {
    private StoreRecords() {
    }

    static List<EvidenceRecord> verified(StoreOptions options, Verification rule) {
        try (var s = options.open(rule)) {
            return s.records().verified(Role.PUBLIC);
        }
    }
}
