package org.phasegate.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The coarse outline the map falls back on where the OCHA files are absent: the Gaza Strip's polygon of Natural Earth's
 * 1:50m countries (Palestine, ISO 3166 numeric 275, whose two parts are the West Bank and Gaza), from the npm package
 * world-atlas, bundled at build time (pom.xml, profile world-atlas). TopoJSON decoded here: quantized, delta-encoded
 * arcs, a negative index meaning arc ~i reversed.
 */
final class FallbackOutline {
    static final String RESOURCE = "/fallback/world-atlas-countries-50m.json";
    static final String SOURCE = "Natural Earth 1:50m admin-0 countries (public domain), from the npm package world-atlas 2.0.2 (ISC),"
            + " bundled at build time; a coarse outline of the whole Strip, not its governorates";
    /** Gaza lies west of this longitude, the West Bank east of it. */
    private static final double GAZA_EAST_OF = 34.7;

    private FallbackOutline() {
    }

    /** The outline as a FeatureCollection flagged {@code fallback}, or empty when the build did not bundle the file. */
    static Optional<ObjectNode> gaza() {
        try (var in = FallbackOutline.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return Optional.empty();
            return Optional.of(collection(Json.MAPPER.readTree(in)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static ObjectNode collection(JsonNode topo) {
        var arcs = arcs(topo);
        var fc = Json.object().put("type", "FeatureCollection").put("fallback", true).put("source", SOURCE);
        var features = fc.putArray("features");
        for (var g : topo.path("objects").path("countries").path("geometries")) {
            if (!"275".equals(g.path("id").asText())) continue;
            var polygons = g.path("type").asText().equals("Polygon") ? List.of(g.path("arcs")) : list(g.path("arcs"));
            for (var polygon : polygons) {
                var rings = Json.array();
                polygon.forEach(ring -> rings.add(ring(ring, arcs)));
                if (rings.isEmpty() || westmost(rings.get(0)) > GAZA_EAST_OF) continue;
                var f = features.addObject().put("type", "Feature").put("id", "PS02");
                f.putObject("geometry").put("type", "Polygon").set("coordinates", rings);
                f.putObject("properties").put("pcode", "PS02").put("name", "Gaza Strip").put("admin1", "Gaza Strip").put("outline", "Natural Earth 1:50m");
            }
        }
        return fc;
    }

    private static List<JsonNode> list(JsonNode a) {
        var out = new ArrayList<JsonNode>();
        a.forEach(out::add);
        return out;
    }

    /** Every arc as absolute lon/lat positions. */
    private static List<double[][]> arcs(JsonNode topo) {
        var scale = topo.path("transform").path("scale");
        var translate = topo.path("transform").path("translate");
        var out = new ArrayList<double[][]>();
        for (var arc : topo.path("arcs")) {
            var points = new double[arc.size()][];
            long x = 0, y = 0;
            for (int i = 0; i < arc.size(); i++) {
                x += arc.get(i).get(0).asLong();
                y += arc.get(i).get(1).asLong();
                points[i] = new double[] {x * scale.get(0).asDouble() + translate.get(0).asDouble(), y * scale.get(1).asDouble() + translate.get(1).asDouble()};
            }
            out.add(points);
        }
        return out;
    }

    /** A ring stitched from its arcs: each arc after the first starts where the one before ended, so its first point is dropped. */
    private static ArrayNode ring(JsonNode arcIndexes, List<double[][]> arcs) {
        var ring = Json.array();
        for (var index : arcIndexes) {
            int i = index.asInt();
            var points = arcs.get(i >= 0 ? i : ~i);
            for (int k = 0; k < points.length; k++) {
                var p = points[i >= 0 ? k : points.length - 1 - k];
                if (k == 0 && !ring.isEmpty()) continue;
                ring.addArray().add(p[0]).add(p[1]);
            }
        }
        return ring;
    }

    private static double westmost(JsonNode ring) {
        double min = Double.MAX_VALUE;
        for (var p : ring) min = Math.min(min, p.get(0).asDouble());
        return min;
    }
}
