package org.phasegate.store.registry;

import java.util.List;

/** A suspected duplicate claim ("double dipping"), with the pseudonyms and ledger entries involved. */
public record Finding(String kind, String message, List<String> participants, List<Long> entries) {
    public Finding {
        participants = List.copyOf(participants);
        entries = List.copyOf(entries);
    }
}
