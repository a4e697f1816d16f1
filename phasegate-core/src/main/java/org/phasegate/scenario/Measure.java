package org.phasegate.scenario;

import org.phasegate.problem.Valid;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
}
