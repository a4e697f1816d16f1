package org.phasegate.store.imports;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.phasegate.importing.Dataset;
import org.phasegate.importing.Rejection;

/**
 * What an import did (or, dry, would do): rows read, added (by type), already present unchanged, rejected (bad rows,
 * and rows whose id was imported before with other content); the import's id (its ledger entry) and Merkle root when
 * it added rows; the last period its rows cover; when rows were already imported unchanged, the import that holds
 * them (the latest, when several do) with the provenance it stored, which a re-import never changes; and the rows read
 * (added or unchanged) by each flag they carry ({@code not-reported:fatalities} -> 12).
 */
public record ImportOutcome(Dataset dataset, long read, long added, long unchanged, List<Rejection> rejected, Map<String, Long> addedByType,
                            OptionalLong importId, Optional<String> root, Optional<String> lastPeriod, Optional<Stored> stored,
                            Map<String, Long> flagged) {
    public ImportOutcome {
        flagged = Map.copyOf(flagged);
        rejected = List.copyOf(rejected);
        addedByType = Map.copyOf(addedByType);
    }

    /** An earlier import of this dataset and the provenance its signed entry holds. */
    public record Stored(long importId, String sourceUrl, String licence, String attribution) {
    }
}
