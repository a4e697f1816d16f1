package org.phasegate.evidence;

import java.util.Optional;

/** Where something happened: an OCHA p-code and/or a GeoJSON geometry (kept as JSON text). */
public record Place(Optional<String> pcode, Optional<String> geometryJson) {
    public static final Place UNKNOWN = new Place(Optional.empty(), Optional.empty());
}
