package org.phasegate.scenario;

import java.util.List;
import java.util.Map;
import org.phasegate.problem.Position;

/**
 * Which records a designated verifier certifies: records of one type whose attributes match {@code where}
 * (each listed attribute takes one of the listed values), as a measure selects them.
 */
public record Designation(String recordType, Map<String, List<String>> where, String verifiedBy, Position at) {

    public Designation {
        where = Map.copyOf(where);
    }

    public boolean covers(String type, Map<String, String> attributes) {
        if (!recordType.equals(type)) return false;
        for (var w : where.entrySet()) {
            String value = attributes.get(w.getKey());
            if (value == null || !w.getValue().contains(value)) return false;
        }
        return true;
    }
}
