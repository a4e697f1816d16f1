package org.phasegate.importing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import org.phasegate.problem.Quote;

/**
 * A JSON file whose rows are the objects of one array (the top-level array, or the array under one key of the
 * top-level object), streamed one object at a time, each with the line it starts on. The top-level object's other
 * members are the file's header. Invalid JSON (a truncated file, a key given twice) refuses the whole file at its
 * line and column.
 */
final class JsonRows {
    /** One element of the rows' array and the line and character it starts at (1-based). */
    record Element(long line, int column, JsonNode node) {
    }

    /** Where a value starts (1-based line and character). */
    record At(long line, int column) {
    }

    /**
     * The file's header (the top-level object's other members; empty for a top-level array), where each header value
     * starts, and the rows in order.
     */
    record Parsed(ObjectNode header, Map<String, At> headerAt, List<Element> rows) {
        /** Where a header member's value starts; 1:1 when the file has no such member. */
        At at(String key) {
            return headerAt.getOrDefault(key, new At(1, 1));
        }
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private JsonRows() {
    }

    /**
     * Reads the header and the rows; {@code arrayKey} null: the top level is the array. The rows are held (these are
     * documents of a few MB; the bulk format is CSV, streamed) because a header member may follow them.
     */
    static Parsed read(String file, InputStream in, String arrayKey) {
        var header = JsonNodeFactory.instance.objectNode();
        var handler = new ArrayList<Element>();
        var headerAt = new HashMap<String, At>();
        boolean found = false;
        try (JsonParser p = MAPPER.createParser(in)) {
            var t = p.nextToken();
            if (t == null) throw refuse(file, 1, 1, "the file is empty", "");
            if (arrayKey == null) {
                if (t != JsonToken.START_ARRAY) throw refuse(file, 1, 1, "the file is not a JSON array of rows", "the rows are expected as [ {...}, ... ]");
                elements(file, p, handler);
                found = true;
            } else {
                if (t != JsonToken.START_OBJECT) throw refuse(file, 1, 1, "the file is not a JSON object", "expected { ..., \"" + arrayKey + "\": [ ... ] }");
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    var name = p.currentName();
                    var v = p.nextToken();
                    if (name.equals(arrayKey) && v == JsonToken.START_ARRAY) {
                        elements(file, p, handler);
                        found = true;
                    } else {
                        var at = p.currentTokenLocation();
                        headerAt.put(name, new At(at.getLineNr(), Math.max(0, at.getColumnNr())));
                        header.set(name, p.readValueAsTree());
                    }
                }
            }
            if (p.nextToken() != null) throw refuse(file, p.currentTokenLocation().getLineNr(), p.currentTokenLocation().getColumnNr(), "content after the end of the JSON value", "");
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw refuse(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "not valid JSON: " + Quote.shorten(plain(e.getOriginalMessage())),
                    "is the file complete (not truncated) and UTF-8?");
        } catch (IOException e) {
            throw refuse(file, 0, 0, "cannot read the file: " + Quote.shorten(String.valueOf(e.getMessage())), "");
        }
        if (!found) throw refuse(file, 1, 1, "the file has no \"" + arrayKey + "\" array", "the rows are expected under \"" + arrayKey + "\"");
        return new Parsed(header, Map.copyOf(headerAt), handler);
    }

    private static final Pattern START_MARKER = Pattern.compile("\\(start marker at \\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]\\)");
    private static final Pattern SOURCE = Pattern.compile("\\s*(at )?\\[Source: [^\\]]*\\]");

    /** Jackson's message without its internals: "(start marker at [Source: ...; line: 1, column: 1])" becomes "(opened at 1:1)". */
    static String plain(String message) {
        if (message == null) return "";
        var m = START_MARKER.matcher(message).replaceAll("(opened at $1:$2)");
        return SOURCE.matcher(m).replaceAll("");
    }

    private static void elements(String file, JsonParser p, List<Element> handler) throws IOException {
        for (var t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) throw refuse(file, p.currentLocation().getLineNr(), 0, "the file ends inside the array of rows", "is it truncated?");
            var at = p.currentTokenLocation();
            handler.add(new Element(at.getLineNr(), Math.max(0, at.getColumnNr()), p.readValueAsTree()));
        }
    }

    private static InvalidInputException refuse(String file, long line, long column, String message, String hint) {
        return new InvalidInputException(new Problem(file, (int) line, (int) column, message, hint));
    }

    /** A member as text: absent and JSON null are null; numbers and booleans as written. */
    static String text(JsonNode o, String key) {
        var v = o.get(key);
        if (v == null || v.isNull()) return null;
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
