package org.phasegate.cli;

import java.util.List;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.scenario.Verification;

/** The verified records in the evidence store, as the acting user (or, without --as, the public) sees them, for the gate engine. */
final class StoreRecords {
    private StoreRecords() {
    }

    static List<EvidenceRecord> verified(StoreOptions options, Verification rule, Acting acting, String as, String role) {
        try (var s = options.open(rule, false)) {
            return s.records().verified(acting.reader(s, as, role));
        }
    }
}
