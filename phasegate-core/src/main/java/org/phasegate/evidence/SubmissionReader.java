package org.phasegate.evidence;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Position;
import org.phasegate.problem.Problem;
import org.phasegate.problem.Problems;
import org.phasegate.problem.Quote;
import org.phasegate.problem.TextFile;

/**
 * Reads records reported to the ledger from a JSON file (one object or an array) or JSON Lines. The form is the events
 * format (see docs/scenario-format.md) plus {@code confidentiality}, {@code confidential} and {@code supersedes}, and
 * each type's own rules ({@link RecordSpec}), places and sources are checked. All problems are reported at once and
 * nothing is returned unless the whole file is good.
 */
public final class SubmissionReader {
    private static final Pattern PCODE = Pattern.compile("[A-Z]{2}[0-9A-Z]{0,14}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Set<String> GEOMETRIES = Set.of("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon");
    private final ObjectMapper json = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private final JsonLines jsonLines = new JsonLines();
    private final EventsReader events;

    public SubmissionReader(EventsReader events) {
        this.events = events;
    }

    public List<Submission> read(Path file) {
        return parse(file.toString(), TextFile.read(file, "records file"), file.toString().endsWith(".jsonl"));
    }

    public List<Submission> parse(String fileName, String text, boolean jsonLines) {
        var problems = new Problems(fileName);
        var out = new ArrayList<Submission>();
        var ids = new HashSet<String>();
        for (var located : jsonLines ? lines(text, problems) : document(text, problems)) {
            read(located.node(), located.at(), problems).ifPresent(s -> {
                if (!ids.add(s.record().id())) problems.add(located.at(), "duplicate record id " + Quote.of(s.record().id()), "ids must be unique");
                else out.add(s);
            });
        }
        problems.throwIfAny();
        if (out.isEmpty()) throw new InvalidInputException(new Problem(fileName, 1, 1, "no records in the file", "give one JSON object per record"));
        return List.copyOf(out);
    }

    private record Located(JsonNode node, Position at) {
    }

    private List<Located> lines(String text, Problems problems) {
        var out = new ArrayList<Located>();
        jsonLines.parse(text, problems, line -> out.add(new Located(line.node(), line.at())));
        return out;
    }

    private List<Located> document(String text, Problems problems) {
        var out = new ArrayList<Located>();
        try (JsonParser p = json.createParser(text)) {
            var first = p.nextToken();
            if (first == JsonToken.START_OBJECT) {
                out.add(new Located(p.readValueAsTree(), new Position(1, 1)));
            } else if (first == JsonToken.START_ARRAY) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    var loc = p.currentTokenLocation();
                    out.add(new Located(p.readValueAsTree(), new Position(loc.getLineNr(), loc.getColumnNr())));
                }
            } else {
                problems.add(new Position(1, 1), "expected a JSON object or an array of objects", "or use a .jsonl file, one record a line");
            }
        } catch (JsonProcessingException e) {
            problems.add(new Position(e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNr()), "not valid JSON: " + Quote.shorten(e.getOriginalMessage()), "");
        } catch (IOException e) {
            problems.add(Position.UNKNOWN, "cannot read: " + e.getMessage(), "");
        }
        return out;
    }

    private Optional<Submission> read(JsonNode node, Position at, Problems problems) {
        if (!(node instanceof ObjectNode o)) {
            problems.add(at, "a record must be a JSON object", "see docs/ledger.md, section Records");
            return Optional.empty();
        }
        int before = problems.size();
        var obj = o.deepCopy();
        for (var field : List.of("reporter", "attestations")) {
            if (obj.has(field)) problems.add(at, "field " + Quote.of(field) + " is not given in a report",
                    field.equals("reporter") ? "the reporter is the user in --as" : "attest with: phasegate record attest ID --as USER");
        }
        obj.remove(List.of("reporter", "attestations"));
        var level = confidentiality(obj.remove("confidentiality"), at, problems);
        var secret = obj.remove("confidential");
        var supersedes = obj.remove("supersedes");
        if (supersedes != null && (!supersedes.isTextual() || supersedes.asText().isBlank())) {
            problems.add(at, "field 'supersedes' must be the id of the record this one corrects", "");
        }
        checkConfidential(level, secret, at, problems);
        checkPlace(obj.path("place"), at, problems);
        checkSources(obj.path("sources"), at, problems);
        var own = new Problems(problems.file());   // so earlier problems do not hide the record's own
        var record = events.parseLine(obj, at, own);
        own.list().forEach(problems::add);
        record.ifPresent(r -> RecordSpec.of(r.type()).check(r, at, problems));
        if (problems.size() != before || record.isEmpty()) return Optional.empty();
        return Optional.of(new Submission(record.get(), obj.toString(), level, Optional.ofNullable(secret).map(JsonNode::toString),
                Optional.ofNullable(supersedes).map(JsonNode::asText), at.line()));
    }

    private static Confidentiality confidentiality(JsonNode v, Position at, Problems problems) {
        if (v == null) return Confidentiality.PUBLIC;
        var level = v.isTextual() ? Confidentiality.fromWire(v.asText()) : Optional.<Confidentiality>empty();
        if (level.isEmpty()) {
            problems.add(at, "field 'confidentiality' has value " + Quote.shorten(v.toString()) + ", not a level", "one of: " + String.join(", ", Confidentiality.wireNames()));
        }
        return level.orElse(Confidentiality.PUBLIC);
    }

    private static void checkConfidential(Confidentiality level, JsonNode secret, Position at, Problems problems) {
        if (level == Confidentiality.CONFIDENTIAL && (secret == null || !secret.isObject() || secret.isEmpty())) {
            problems.add(at, "a confidential record needs a non-empty 'confidential' object", "put the sealed details (e.g. the inventory) there");
        }
        if (level != Confidentiality.CONFIDENTIAL && secret != null) {
            problems.add(at, "field 'confidential' is given but 'confidentiality' is " + level.wireName(),
                    "set \"confidentiality\":\"confidential\" so the part is encrypted, or remove it");
        }
    }

    private static void checkPlace(JsonNode place, Position at, Problems problems) {
        if (place.isMissingNode()) return;
        if (!place.isObject()) {
            problems.add(at, "field 'place' must be an object", "e.g. {\"pcode\":\"PS0260\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[34.45,31.5]}}");
            return;
        }
        var pcode = place.get("pcode");
        if (pcode != null && (!pcode.isTextual() || !PCODE.matcher(pcode.asText()).matches())) {
            problems.add(at, "field 'place.pcode' has value " + Quote.shorten(pcode.toString()) + ", not an OCHA p-code", "two capital letters and digits, e.g. PS0260");
        }
        var g = place.get("geometry");
        if (g != null) geometry(g).ifPresent(why -> problems.add(at, "field 'place.geometry' is not GeoJSON: " + why,
                "e.g. {\"type\":\"Point\",\"coordinates\":[lon,lat]} in WGS84"));
    }

    static Optional<String> geometry(JsonNode g) {
        if (!g.isObject() || !g.path("type").isTextual()) return Optional.of("needs a 'type'");
        var type = g.path("type").asText();
        if (!GEOMETRIES.contains(type)) return Optional.of("type " + Quote.of(type) + " is not one of " + String.join(", ", GEOMETRIES.stream().sorted().toList()));
        int depth = switch (type) {
            case "Point" -> 0;
            case "MultiPoint", "LineString" -> 1;
            case "MultiLineString", "Polygon" -> 2;
            default -> 3;
        };
        return positions(g.path("coordinates"), depth);
    }

    private static Optional<String> positions(JsonNode c, int depth) {
        if (!c.isArray()) return Optional.of("'coordinates' must be an array");
        if (depth == 0) {
            if (c.size() < 2 || c.size() > 3 || !c.get(0).isNumber() || !c.get(1).isNumber()) return Optional.of("a position is [lon, lat]");
            double lon = c.get(0).asDouble(), lat = c.get(1).asDouble();
            if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return Optional.of("position [" + lon + ", " + lat + "] is off the globe (lon first)");
            return Optional.empty();
        }
        if (c.isEmpty()) return Optional.of("empty coordinates");
        for (var e : c) {
            var why = positions(e, depth - 1);
            if (why.isPresent()) return why;
        }
        return Optional.empty();
    }

    private static void checkSources(JsonNode sources, Position at, Problems problems) {
        if (!sources.isArray() || sources.isEmpty()) {
            problems.add(at, "missing field 'sources'", "give at least one {\"url\":\"https://...\",\"sha256\":\"...\"}");
            return;
        }
        for (var s : sources) {
            var url = s.path("url").asText("");
            if (!url.startsWith("https://") && !url.startsWith("http://")) {
                problems.add(at, "source url " + Quote.of(url) + " is not an http(s) URL", "give the page's full address");
            }
            var sha = s.get("sha256");
            if (sha != null && !SHA256.matcher(sha.asText()).matches()) {
                problems.add(at, "source sha256 " + Quote.of(sha.asText()) + " is not 64 hex digits", "the SHA-256 of the content, in hex");
            }
        }
    }
}
