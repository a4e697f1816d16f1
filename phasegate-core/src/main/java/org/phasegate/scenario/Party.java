package org.phasegate.scenario;

import org.phasegate.problem.Valid;
import org.phasegate.problem.Position;

/** A party to the agreement: anyone who owes something, is owed something, or holds a lever. */
public record Party(String id, String name, Kind kind, Position at) implements Element {
    public Party {
        Valid.idOrMissing(id, "party id");
        Valid.text(name, "party name", Valid.MAX_TEXT);
    }

    public enum Kind {
        STATE, ARMED_GROUP, MEDIATOR, GUARANTOR, INTERNATIONAL_BODY, FORCE_CONTRIBUTOR, DONOR, ADMINISTRATION;

        public String yamlName() {
            return name().toLowerCase().replace('_', '-');
        }
    }
}
