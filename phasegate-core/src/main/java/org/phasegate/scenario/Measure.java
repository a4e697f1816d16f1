package org.phasegate.scenario;

import org.phasegate.problem.Valid;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.importing.ImportedRow;
import org.phasegate.problem.Position;

/**
 * What the evidence counts: verified records of one type, filtered by attributes and party,
 * adding up one quantity (or counting records when there is none). With {@code imported}, the rows of that imported
 * dataset instead (as the import policy admits them), never monitors' records.
 */
public record Measure(String id, String recordType, Map<String, List<String>> where, Optional<String> party,
                      Optional<String> quantity, String unit, Position at, Optional<String> imported) implements Element {

    public static final String RECORDS = "records";

    public Measure {
        Valid.idOrMissing(id, "measure id");
        where = Map.copyOf(where);
        imported = imported == null ? Optional.empty() : imported;
    }

    /**
     * Whether a record passes the measure's party, quantity and {@code where:} filters. The gate engine counts with
     * this, and so does every figure about a measure's rows (e.g. "rows counted"), so the two cannot disagree.
     */
    public boolean matches(EvidenceRecord r) {
        if (party.isPresent() && !party.equals(r.party())) return false;
        if (quantity.isPresent() && !r.quantities().containsKey(quantity.get())) return false;
        for (var w : where.entrySet()) {
            String value = r.attributes().get(w.getKey());
            if (value == null || !w.getValue().contains(value)) return false;
        }
        return true;
    }

    /** Whether an imported row is one this measure counts: of its dataset ({@code import:}) and record type, and {@link #matches}. */
    public boolean readsImported(EvidenceRecord r) {
        return imported.isPresent() && imported.get().equals(r.attributes().get(ImportedRow.DATASET_ATTRIBUTE))
                && r.type().wireName().equals(recordType) && matches(r);
    }
}
