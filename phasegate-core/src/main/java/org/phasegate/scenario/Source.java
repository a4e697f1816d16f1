package org.phasegate.scenario;

import org.phasegate.problem.Valid;
import java.time.LocalDate;
import java.util.Optional;
import org.phasegate.problem.Position;

/** A citation target: a document the scenario's rules come from. */
public record Source(String id, String title, String publisher, Optional<LocalDate> date, Optional<String> url, Position at) implements Element {
    public Source {
        Valid.idOrMissing(id, "source id");
        Valid.text(title, "source title", Valid.MAX_TEXT);
    }

}
