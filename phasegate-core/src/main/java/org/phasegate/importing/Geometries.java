package org.phasegate.importing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Checks a GeoJSON geometry (RFC 7946) well enough that a map can draw it: a known type, positions of two or three
 * finite numbers with longitude in [-180, 180] and latitude in [-90, 90], lines of two positions or more, polygon
 * rings of four or more that end where they start. Returns what kind of place it is: point, line or area.
 */
final class Geometries {
    private static final Map<String, String> KINDS = Map.of("Point", "point", "MultiPoint", "point", "LineString", "line",
            "MultiLineString", "line", "Polygon", "area", "MultiPolygon", "area");

    private Geometries() {
    }

    static String check(Fields f, JsonNode g) {
        if (g == null || !g.isObject()) {
            f.reject("geometry", g == null ? "" : g.toString(), "a place needs a geometry object");
            return "";
        }
        var type = JsonRows.text(g, "type");
        var kind = type == null ? null : KINDS.get(type);
        if (kind == null) {
            f.reject("geometry.type", type == null ? "" : type, "not one of " + String.join(", ", KINDS.keySet().stream().sorted().toList()));
            return "";
        }
        var c = g.get("coordinates");
        switch (type) {
            case "Point" -> position(f, c);
            case "MultiPoint" -> each(f, c, 1, p -> position(f, p));
            case "LineString" -> line(f, c, 2);
            case "MultiLineString" -> each(f, c, 1, l -> line(f, l, 2));
            case "Polygon" -> polygon(f, c);
            default -> each(f, c, 1, p -> polygon(f, p));
        }
        return kind;
    }

    private static void polygon(Fields f, JsonNode rings) {
        each(f, rings, 1, ring -> {
            line(f, ring, 4);
            if (f.ok() && !ring.get(0).equals(ring.get(ring.size() - 1))) f.reject("geometry.coordinates", ring.get(0).toString(), "a polygon ring must end where it starts");
        });
    }

    private static void line(Fields f, JsonNode positions, int min) {
        each(f, positions, min, p -> position(f, p));
    }

    private static void each(Fields f, JsonNode array, int min, java.util.function.Consumer<JsonNode> check) {
        if (!f.ok()) return;
        if (array == null || !array.isArray() || array.size() < min) {
            f.reject("geometry.coordinates", array == null ? "" : array.toString(), "expected an array of at least " + min);
            return;
        }
        for (var e : array) {
            check.accept(e);
            if (!f.ok()) return;
        }
    }

    private static void position(Fields f, JsonNode p) {
        if (!f.ok()) return;
        if (p == null || !p.isArray() || p.size() < 2 || p.size() > 3 || !p.get(0).isNumber() || !p.get(1).isNumber()
                || p.size() == 3 && !p.get(2).isNumber()) {
            f.reject("geometry.coordinates", p == null ? "" : p.toString(), "a position is [longitude, latitude] (numbers)");
            return;
        }
        double lon = p.get(0).asDouble();
        double lat = p.get(1).asDouble();
        if (!Double.isFinite(lon) || lon < -180 || lon > 180 || !Double.isFinite(lat) || lat < -90 || lat > 90) {
            f.reject("geometry.coordinates", p.toString(), "longitude must be in [-180, 180] and latitude in [-90, 90]");
        }
    }
}
