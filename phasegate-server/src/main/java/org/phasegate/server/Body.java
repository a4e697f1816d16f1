package org.phasegate.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.phasegate.problem.Quote;
import org.phasegate.store.users.Passwords;

/**
 * A JSON object request body, read field by field: unknown fields, wrong types and bad values are refused with the
 * field's name and value and what to give instead (422); a body that is not a JSON object is a 400.
 */
public final class Body {
    private final ObjectNode node;

    private Body(ObjectNode node) {
        this.node = node;
    }

    /** The request's body as an object whose fields are all among {@code known}. */
    public static Body of(Context ctx, Set<String> known) {
        return of(ctx.body(), known);
    }

    public static Body of(String text, Set<String> known) {
        if (text == null || text.isBlank()) throw ApiProblem.badRequest("the request needs a JSON object body with: " + String.join(", ", new TreeSet<>(known)));
        var o = object(text);
        var unknown = new ArrayList<String>();
        o.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) unknown.add(f);
        });
        if (!unknown.isEmpty()) {
            throw ApiProblem.field(unknown.getFirst(), unknown.getFirst(), "unknown field; the fields are: " + String.join(", ", new TreeSet<>(known)));
        }
        return new Body(o);
    }

    /** The text as a JSON object, whatever its fields (a reader downstream checks them). */
    public static ObjectNode object(String text) {
        if (text == null || text.isBlank()) throw ApiProblem.badRequest("the request needs a JSON object body");
        JsonNode parsed;
        try {
            parsed = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw ApiProblem.badRequest("malformed JSON" + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr())
                    + ": " + Quote.shorten(String.valueOf(e.getOriginalMessage())) + " (send one JSON object)");
        }
        if (!(parsed instanceof ObjectNode o)) throw ApiProblem.badRequest("the body must be a JSON object, not " + kind(parsed));
        return o;
    }

    /** An optional body: empty is fine, else as {@link #of(Context, Set)}. */
    public static Optional<Body> ofOptional(Context ctx, Set<String> known) {
        var text = ctx.body();
        return text.isBlank() ? Optional.empty() : Optional.of(of(text, known));
    }

    public ObjectNode node() {
        return node;
    }

    public Optional<String> text(String field, int maxChars) {
        var v = node.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isTextual()) throw ApiProblem.field(field, v.toString(), "must be a string, not " + kind(v));
        if (v.asText().length() > maxChars) throw ApiProblem.field(field, v.asText(), "at most " + maxChars + " characters");
        return Optional.of(v.asText());
    }

    /** A required password: like {@link #required}, but a refusal never repeats the value. */
    public String password(String field) {
        var v = node.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())) throw ApiProblem.field(field, null, "is required (a non-empty string)");
        if (!v.isTextual()) throw secretRefused(field, "must be a string, not " + kind(v));
        int n = v.asText().codePointCount(0, v.asText().length());
        if (n > Passwords.MAX_LENGTH) throw secretRefused(field, "has " + n + " characters; at most " + Passwords.MAX_LENGTH);
        return v.asText();
    }

    /** A 422 naming the field and the rule, without the value (a password). */
    static ApiProblem secretRefused(String field, String rule) {
        return new ApiProblem(422, "invalid field", field + ": " + rule, Optional.of(field), Optional.empty(), List.of());
    }

    public String required(String field, int maxChars) {
        return text(field, maxChars).filter(s -> !s.isBlank()).orElseThrow(() -> ApiProblem.field(field, null, "is required (a non-empty string)"));
    }

    public Optional<Long> integer(String field, long min, long max) {
        var v = node.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isIntegralNumber() || !v.canConvertToLong()) throw ApiProblem.field(field, v.toString(), "must be a whole number, not " + kind(v));
        long n = v.asLong();
        if (n < min || n > max) throw ApiProblem.field(field, v.toString(), "must be between " + min + " and " + max);
        return Optional.of(n);
    }

    public Optional<Boolean> bool(String field) {
        var v = node.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isBoolean()) throw ApiProblem.field(field, v.toString(), "must be true or false, not " + kind(v));
        return Optional.of(v.asBoolean());
    }

    public Optional<Instant> instant(String field) {
        return text(field, 40).map(s -> Query.instant(field, s));
    }

    public List<String> strings(String field, int maxItems, int maxChars) {
        var v = node.get(field);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) throw ApiProblem.field(field, v.toString(), "must be an array of strings, not " + kind(v));
        if (v.size() > maxItems) throw ApiProblem.field(field, null, "at most " + maxItems + " items");
        var out = new ArrayList<String>();
        for (var item : v) {
            if (!item.isTextual() || item.asText().length() > maxChars) {
                throw ApiProblem.field(field, item.toString(), "each item must be a string of at most " + maxChars + " characters");
            }
            out.add(item.asText());
        }
        return out;
    }

    static String kind(JsonNode v) {
        if (v == null || v.isNull()) return "null";
        if (v.isObject()) return "an object";
        if (v.isArray()) return "an array";
        if (v.isTextual()) return "a string";
        if (v.isBoolean()) return "a boolean";
        return "a number";
    }
}
