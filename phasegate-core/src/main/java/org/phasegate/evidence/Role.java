package org.phasegate.evidence;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a user of the evidence ledger may do (least privilege): monitors report and attest, the board adjudicates
 * disputes and rejects, analysts, viewers and the public read, admins manage users. A viewer is a signed-in reader who
 * may do no more than read (the HTTP API lets analysts also run forecasts and bargaining). Only monitors, board and admin see
 * restricted records; only board and admin may open a record's confidential part.
 */
public enum Role {
    ADMIN, MONITOR, BOARD, ANALYST, VIEWER, PUBLIC;

    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<Role> fromWire(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(Role::wireName).toList();
    }

    /** Whether this role sees a record (its public part) at this level. */
    public boolean seesRecord(Confidentiality level) {
        return level != Confidentiality.RESTRICTED || this == MONITOR || this == BOARD || this == ADMIN;
    }

    /** Confidential payloads: disclosed only to these roles (and every disclosure is audited). */
    public boolean mayDisclose() {
        return this == BOARD || this == ADMIN;
    }
}
