package org.phasegate.evidence;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Who may read a record: public (everyone); restricted (monitors, board, admin); confidential (the IICD way: the
 * record's {@code confidential} part, e.g. an inventory, is encrypted at rest and disclosed only to board and admin,
 * while its public part and a hash commitment to the sealed part are public).
 */
public enum Confidentiality {
    PUBLIC, RESTRICTED, CONFIDENTIAL;

    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<Confidentiality> fromWire(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(Confidentiality::wireName).toList();
    }
}
