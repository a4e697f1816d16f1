package org.phasegate.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.phasegate.problem.Quote;
import org.phasegate.store.imports.ImportedPlaces;

/**
 * The map's base layers as GeoJSON, from the real data files (read where they lie, never copied): Gaza's governorates
 * (OCHA admin2, the features whose {@code adm1_pcode} is PS02, with their p-code, name, area and centre) and the
 * October 2025 IDF-held zone. Each answer says which dataset it comes from and that dataset's source. And the places
 * imported into the store, with their imports' provenance.
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

    /**
     * Imported places as GeoJSON: each feature's geometry as the file had it, its dataset, row id, name, kind, p-code
     * and attributes, its import's licence, attribution, source, state and origin, and where its row and proof are
     * served; the collection lists each dataset with its imports' provenance.
     */
    static ObjectNode imported(List<ImportedPlaces.Place> places) {
        var fc = Json.object().put("type", "FeatureCollection")
                .put("source", "places imported into this store (phasegate import geojson), checked against the ledger; each with its import's provenance");
        var datasets = new LinkedHashMap<String, ObjectNode>();
        var features = fc.putArray("features");
        for (var p : places) {
            var content = Json.parse(p.content());
            var a = content.path("attributes");
            var v = p.provenance();
            var props = Json.object().put("dataset", p.dataset()).put("sourceId", p.sourceId()).put("name", a.path("name").asText(""))
                    .put("kind", a.path("kind").asText("")).put("pcode", content.path("pcode").asText(""));
            props.set("attributes", a);
            props.put("importId", v.importId()).put("title", v.title()).put("licence", v.licence()).put("attribution", v.attribution())
                    .put("sourceUrl", v.sourceUrl()).put("state", v.state()).put("origin", v.origin())
                    .put("row", Server.BASE + "/imports/" + encode(p.dataset()) + "/row?id=" + encode(p.sourceId()));
            features.addObject().put("type", "Feature").put("id", p.dataset() + ":" + p.sourceId())
                    .<ObjectNode>set("geometry", Json.parse(content.path("geometry").asText())).set("properties", props);
            var d = datasets.computeIfAbsent(p.dataset(), k -> Json.object().put("dataset", k).put("places", 0));
            d.put("places", d.path("places").asLong() + 1);
            var imports = d.withArray("imports");
            if (imports.isEmpty() || imports.get(imports.size() - 1).path("importId").asLong() != v.importId()) imports.add(provenance(v));
        }
        datasets.values().forEach(fc.putArray("datasets")::add);
        return fc;
    }

    private static ObjectNode provenance(ImportedPlaces.Provenance v) {
        return Json.object().put("importId", v.importId()).put("title", v.title()).put("kind", v.kind()).put("file", v.file())
                .put("fileSha256", v.fileSha256()).put("licence", v.licence()).put("attribution", v.attribution()).put("sourceUrl", v.sourceUrl())
                .put("state", v.state()).put("origin", v.origin()).put("importedBy", v.importedBy()).put("importedAt", v.importedAt());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
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
