package org.phasegate.evidence;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of evidence monitors report. */
public enum RecordType {
    INCIDENT, DECOMMISSIONING, AID_DELIVERY, TROOP_POSITION, EXCHANGE, DEPLOYMENT, FUNDING, GOVERNANCE,
    CASUALTIES, ASSESSMENT, STATEMENT, AMENDMENT;

    public String wireName() {
        return name().toLowerCase().replace('_', '-');
    }

    public static Optional<RecordType> fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(RecordType::wireName).toList();
    }
}
