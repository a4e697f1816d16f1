package org.phasegate.importing;

import java.util.Optional;

/** A GeoJSON point from a row's latitude and longitude; both or neither. */
final class Points {
    private Points() {
    }

    static Optional<String> point(Fields f, String latitude, String longitude) {
        var lat = f.decimal("latitude", latitude, -90, 90);
        var lon = f.decimal("longitude", longitude, -180, 180);
        if (lat.isPresent() != lon.isPresent()) {
            if (f.ok()) f.reject(lat.isPresent() ? "longitude" : "latitude", "", "a point needs both latitude and longitude");
            return Optional.empty();
        }
        if (lat.isEmpty()) return Optional.empty();
        return Optional.of("{\"type\":\"Point\",\"coordinates\":[" + lon.getAsDouble() + "," + lat.getAsDouble() + "]}");
    }
}
