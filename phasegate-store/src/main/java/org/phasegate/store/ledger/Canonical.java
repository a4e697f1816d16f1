package org.phasegate.store.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;

/** Canonical JSON: object keys sorted, no insignificant whitespace, so equal content has equal bytes and hash. */
public final class Canonical {
    /** Private and never reconfigured: its settings decide every entry's bytes and so every hash. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private Canonical() {
    }

    public static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public static ArrayNode array() {
        return JSON.createArrayNode();
    }

    /** A JSON string node holding {@code s}. */
    public static JsonNode text(String s) {
        return JSON.getNodeFactory().textNode(s);
    }

    /** A JSON string literal, escaped exactly as Jackson escapes it in {@link #json} (hot path: every entry hash). */
    public static String quote(String s) {
        var out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (ch < 0x20) out.append(String.format("\\u%04X", (int) ch));
                    else out.append(ch);
                }
            }
        }
        return out.append('"').toString();
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode o) {
            var names = new ArrayList<String>();
            o.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            var out = JSON.createObjectNode();
            for (var n : names) out.set(n, sorted(o.get(n)));
            return out;
        }
        if (node instanceof ArrayNode a) {
            var out = JSON.createArrayNode();
            a.forEach(e -> out.add(sorted(e)));
            return out;
        }
        return node;
    }
}
