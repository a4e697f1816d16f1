package org.phasegate.gate;

import java.util.List;
import org.phasegate.scenario.Party;

/**
 * The reciprocity ledger for one party: what it owes now, what it will owe once gates open, what others owe it,
 * the closed gates it waits for, and the gates it can hold up (its levers).
 */
public record PartyView(Party party, List<ObligationState> owesNow, List<ObligationState> owesLater,
                        List<ObligationState> owedToIt, List<String> waitingForGates, List<String> levers) {

    public PartyView {
        owesNow = List.copyOf(owesNow);
        owesLater = List.copyOf(owesLater);
        owedToIt = List.copyOf(owedToIt);
        waitingForGates = List.copyOf(waitingForGates);
        levers = List.copyOf(levers);
    }
}
