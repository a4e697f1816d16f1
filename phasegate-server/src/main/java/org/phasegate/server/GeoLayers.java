package org.phasegate.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.phasegate.problem.Quote;

/**
 * The map's base layers as GeoJSON, from the real data files (read where they lie, never copied): Gaza's governorates
 * (OCHA admin2, the features whose {@code adm1_pcode} is PS02, with their p-code, name, area and centre) and the
 * October 2025 IDF-held zone. Each answer says which dataset it comes from and that dataset's source.
 */
final class GeoLayers {
    static final String GAZA = "PS02";

    private GeoLayers() {
    }

    /** Gaza's governorates from the OCHA admin2 file, trimmed to the properties the map shows. */
    static ObjectNode governorates(Path file, Datasets.Dataset d) {
        var fc = collection(d);
        for (var f : features(file)) {
            var p = f.path("properties");
            if (!GAZA.equals(p.path("adm1_pcode").asText())) continue;
            var props = Json.object().put("pcode", p.path("adm2_pcode").asText()).put("name", p.path("adm2_name").asText())
                    .put("admin1", p.path("adm1_name").asText()).put("areaSqKm", p.path("area_sqkm").asDouble())
                    .put("centerLat", p.path("center_lat").asDouble()).put("centerLon", p.path("center_lon").asDouble())
                    .put("validOn", p.path("valid_on").asText());
            fc.withArray("features").addObject().put("type", "Feature").put("id", props.path("pcode").asText())
                    .<ObjectNode>set("geometry", f.path("geometry")).set("properties", props);
        }
        return fc.put("fallback", false);
    }

    /** The IDF-held zone of 19 October 2025 (the "yellow line" area), each feature with the source it names. */
    static ObjectNode zones(Path file, Datasets.Dataset d) {
        var fc = collection(d);
        int i = 0;
        for (var f : features(file)) {
            var p = f.path("properties");
            var props = Json.object().put("kind", "idf-held-zone").put("name", "Area under IDF control after the October 2025 ceasefire (the \"yellow line\")")
                    .put("date", "2025-10-19").put("dataset", d.id()).put("datasetSource", d.source());
            for (var key : new String[] {"Source", "IDFMap", "GazaMaps", "Area"}) {
                if (p.hasNonNull(key)) props.put(key.substring(0, 1).toLowerCase() + key.substring(1), p.path(key).asText());
            }
            fc.withArray("features").addObject().put("type", "Feature").put("id", d.id() + "#" + i++)
                    .<ObjectNode>set("geometry", f.path("geometry")).set("properties", props);
        }
        return fc;
    }

    private static ObjectNode collection(Datasets.Dataset d) {
        var fc = Json.object().put("type", "FeatureCollection").put("dataset", d.id()).put("source", d.source());
        fc.putArray("features");
        return fc;
    }

    /** The file's features; a file that is not a FeatureCollection is the server's data failing, not the request. */
    private static JsonNode features(Path file) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw unreadable(file, e.getMessage());
        }
        if (root == null || !root.path("features").isArray()) throw unreadable(file, "not a GeoJSON FeatureCollection (no \"features\" array)");
        return root.path("features");
    }

    private static ApiProblem unreadable(Path file, String why) {
        return ApiProblem.of(503, "dataset unreadable", "the server's data file " + Quote.of(file.toString()) + " could not be read: "
                + Quote.shorten(String.valueOf(why)) + "; replace it with the file as published (GET " + Server.BASE + "/datasets says where each comes from)");
    }
}
