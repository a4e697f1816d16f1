package org.phasegate.importing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.phasegate.problem.Quote;

/**
 * A GeoJSON FeatureCollection as places (areas, lines, points: zones, withdrawal lines, governorates) that scenarios
 * and maps can name: one {@code place} row per feature, its geometry checked ({@link Geometries}) and kept as GeoJSON,
 * its scalar properties as attributes, its p-code when it has one. The row id is the feature's {@code id}, else its
 * p-code, OSM {@code @id} or {@code OBJECTID}, else its position ({@code #7}). The dataset is named after the file.
 */
final class GeoJsonReader implements SourceReader {
    private static final List<String> ID_KEYS = List.of("adm2_pcode", "adm1_pcode", "@id", "OBJECTID");
    private static final List<String> NAME_KEYS = List.of("name:en", "adm2_name", "adm1_name", "name", "Name", "NAME");

    @Override
    public void read(String file, InputStream in, RowSink sink) {
        var parsed = JsonRows.read(file, in, "features");
        var licence = Optional.ofNullable(JsonRows.text(parsed.header(), "license")).or(() -> Optional.ofNullable(JsonRows.text(parsed.header(), "copyright")))
                .orElse(Dataset.NOT_STATED + " in the file");
        sink.begin(new Dataset(datasetId(file), ImportKind.GEOJSON, "places from " + Path.of(file).getFileName(), licence,
                Dataset.NOT_STATED + " in the file", ""));
        var seen = new HashSet<String>();
        int index = 0;
        for (var e : parsed.rows()) feature(e, ++index, seen, sink);
    }

    /** {@code geojson-} and the file's name without extension, in a-z0-9-. */
    static String datasetId(String file) {
        var name = Path.of(file).getFileName().toString().replaceFirst("\\.(geo)?json$", "").toLowerCase(Locale.ROOT);
        var id = name.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return "geojson-" + (id.isEmpty() ? "places" : id);
    }

    /** A feature's rejections say which feature (its position, and its id when it has one) and where it starts on its line. */
    private static void feature(JsonRows.Element e, int index, Set<String> seen, RowSink out) {
        long line = e.line();
        var o = e.node();
        var givenId = o.isObject() ? Optional.ofNullable(JsonRows.text(o, "id")).or(() -> first(props(o), ID_KEYS)) : Optional.<String>empty();
        var which = "feature #" + index + givenId.map(i -> " (id " + Quote.of(i) + ")").orElse("") + ": ";
        var sink = ChangedSink.ofRejections(out, r -> r.at(e.column(), which));
        var f = new Fields(line, o.toString());
        if (!o.isObject() || !"Feature".equals(JsonRows.text(o, "type"))) {
            sink.rejected(new Rejection(line, "type", o.isObject() ? String.valueOf(JsonRows.text(o, "type")) : o.toString(), "not a GeoJSON Feature", o.toString()));
            return;
        }
        var props = props(o);
        var kind = Geometries.check(f, o.get("geometry"));
        var id = givenId.orElse("#" + index);
        f.id("id", id);
        var attrs = new HashMap<String, String>();
        attrs.put("kind", kind);
        first(props, NAME_KEYS).ifPresent(n -> attrs.put("name", f.text("properties.name", n)));
        if (props != null) {
            props.properties().forEach(p -> {
                if (!p.getValue().isValueNode() || p.getValue().isNull()) return;
                if (p.getKey().length() > 64) f.reject("properties", p.getKey(), "a property name longer than 64 characters");
                else attrs.put("property:" + p.getKey(), f.text("properties." + p.getKey(), p.getValue().asText()));
            });
        }
        if (f.ok() && !seen.add(id)) f.reject("id", id, "another feature in this file has this id");
        if (f.rejection().isPresent()) {
            sink.rejected(f.rejection().get());
            return;
        }
        var pcode = first(props, List.of("adm2_pcode", "adm1_pcode"));
        Rows.emit(sink, f, () -> new ImportedRow(id, line, "place", Optional.empty(), pcode, Map.of(), attrs, List.of(),
                Optional.of(o.get("geometry").toString())));
    }

    private static JsonNode props(JsonNode o) {
        return o.get("properties") != null && o.get("properties").isObject() ? o.get("properties") : null;
    }

    private static Optional<String> first(JsonNode props, List<String> keys) {
        if (props == null) return Optional.empty();
        return keys.stream().map(k -> JsonRows.text(props, k)).filter(v -> v != null && !v.isBlank()).findFirst();
    }
}
