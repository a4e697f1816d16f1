package org.phasegate.evidence;

import java.util.Optional;
import org.phasegate.problem.Valid;

/** Where something happened: an OCHA p-code and/or a GeoJSON geometry (kept as JSON text). */
public record Place(Optional<String> pcode, Optional<String> geometryJson) {
    public static final Place UNKNOWN = new Place(Optional.empty(), Optional.empty());

    public Place {
        pcode.ifPresent(p -> Valid.id(p, "place.pcode"));
        geometryJson.ifPresent(g -> Valid.text(g, "place.geometry", 1_000_000));
    }
}
