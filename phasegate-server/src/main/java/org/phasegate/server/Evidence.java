package org.phasegate.server;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.store.Store;
import org.phasegate.store.ledger.Actor;

/**
 * The verified records a caller may see, as the gate engine takes them. The public view is kept between requests
 * until the ledger grows (every change to records is an entry, so the last entry's number names the state); a view
 * with restricted records is read afresh each time, since the store audits every such read.
 */
final class Evidence {
    private final Store store;
    private final AtomicReference<Snapshot> publicView = new AtomicReference<>(new Snapshot(-1, List.of()));

    private record Snapshot(long lastSeq, List<EvidenceRecord> records) {
    }

    Evidence(Store store) {
        this.store = store;
    }

    List<EvidenceRecord> verified(Optional<Actor> reader) {
        if (reader.isPresent() && reader.get().role().seesRecord(org.phasegate.evidence.Confidentiality.RESTRICTED)) {
            return store.records().verified(reader);
        }
        long seq = store.ledger().lastSeq();
        var snap = publicView.get();
        if (snap.lastSeq() == seq) return snap.records();
        var fresh = new Snapshot(seq, List.copyOf(store.records().verified(Optional.empty())));
        publicView.compareAndSet(snap, fresh);
        return fresh.records();
    }
}
