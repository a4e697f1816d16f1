package org.phasegate.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.phasegate.problem.Hints;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Position;
import org.phasegate.problem.Problem;
import org.phasegate.problem.Problems;

/** Reads evidence records from JSON Lines: one record a line; every bad line is reported, none is half-read. */
public final class EventsReader {
    private static final Set<String> FIELDS = Set.of("id", "type", "time", "party", "place", "quantities",
            "attributes", "obligation", "progress", "disputed", "reporter", "attestations", "sources");
    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> parties;
    private final Set<String> obligations;

    /** A reader that checks only the records' own form. */
    public EventsReader() {
        this(Set.of(), Set.of());
    }

    /** A reader that also checks that party and obligation ids exist in the scenario the records are for. */
    public EventsReader(Set<String> parties, Set<String> obligations) {
        this.parties = Set.copyOf(parties);
        this.obligations = Set.copyOf(obligations);
    }

    public List<EvidenceRecord> read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new InvalidInputException(new Problem(file.toString(), 0, 0,
                    "cannot read events file: " + e.getMessage(), "check the path"));
        }
    }

    public List<EvidenceRecord> parse(String fileName, String text) {
        var problems = new Problems(fileName);
        var records = new ArrayList<EvidenceRecord>();
        var ids = new HashSet<String>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("//")) continue;
            var at = new Position(i + 1, 1);
            parseLine(line, at, problems).ifPresent(r -> {
                if (!ids.add(r.id())) problems.add(at, "duplicate record id '" + r.id() + "'", "ids must be unique within a file");
                else records.add(r);
            });
        }
        problems.throwIfAny();
        return List.copyOf(records);
    }

    /** One record from one JSON object; {@code where} names it in problems. */
    public EvidenceRecord parseOne(String json, String where) {
        var problems = new Problems(where);
        var r = parseLine(json, Position.UNKNOWN, problems);
        problems.throwIfAny();
        return r.orElseThrow();
    }

    Optional<EvidenceRecord> parseLine(String line, Position at, Problems problems) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (IOException e) {
            problems.add(new Position(at.line(), (int) Math.max(1, e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                    && j.getLocation() != null ? j.getLocation().getColumnNr() : 1)),
                    "not valid JSON: " + firstLine(e.getMessage()), "each line must be one JSON object");
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            problems.add(at, "a record must be a JSON object", "see docs/scenario-format.md, section Records");
            return Optional.empty();
        }
        int before = problems.list().size();
        node.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) problems.add(at, "unknown field '" + f + "'", Hints.didYouMean(f, FIELDS));
        });
        var record = toRecord(node, at, problems);
        record.ifPresent(r -> checkReferences(r, at, problems));
        return problems.list().size() == before ? record : Optional.empty();
    }

    private Optional<EvidenceRecord> toRecord(JsonNode n, Position at, Problems problems) {
        String id = text(n, "id", at, problems);
        String typeName = text(n, "type", at, problems);
        String timeText = text(n, "time", at, problems);
        if (id == null || typeName == null || timeText == null) return Optional.empty();
        var type = RecordType.fromWire(typeName);
        if (type.isEmpty()) {
            problems.add(at, "unknown record type '" + typeName + "'", Hints.didYouMean(typeName, RecordType.wireNames()));
            return Optional.empty();
        }
        var time = parseTime(timeText);
        if (time.isEmpty()) {
            problems.add(at, "field 'time' has value '" + timeText + "', not a date or instant",
                    "use ISO-8601, e.g. 2025-10-13T08:00:00Z");
            return Optional.empty();
        }
        var progress = optionalInt(n, "progress");
        if (progress.isPresent() && (progress.get() < 0 || progress.get() > 3)) {
            problems.add(at, "field 'progress' is " + progress.get() + ", outside 0..3", "0 not initiated, 1 minimal, 2 intermediate, 3 complete");
        }
        var reporter = attestation(n.path("reporter"), "reporter", at, problems)
                .orElse(new Attestation("unknown", "unknown"));
        var attestations = new ArrayList<Attestation>();
        for (JsonNode a : n.path("attestations")) attestation(a, "attestations[]", at, problems).ifPresent(attestations::add);
        return Optional.of(new EvidenceRecord(id, type.get(), time.get(), optionalText(n, "party"), place(n.path("place")),
                quantities(n.path("quantities"), at, problems), attributes(n.path("attributes")),
                optionalText(n, "obligation"), progress, n.path("disputed").asBoolean(false),
                reporter, attestations, sources(n.path("sources"))));
    }

    private void checkReferences(EvidenceRecord r, Position at, Problems problems) {
        r.party().filter(p -> !parties.isEmpty() && !parties.contains(p)).ifPresent(p ->
                problems.add(at, "record '" + r.id() + "': field 'party' has value '" + p + "', not a party of the scenario", Hints.didYouMean(p, parties)));
        r.obligation().filter(o -> !obligations.isEmpty() && !obligations.contains(o)).ifPresent(o ->
                problems.add(at, "record '" + r.id() + "': field 'obligation' has value '" + o + "', not an obligation of the scenario", Hints.didYouMean(o, obligations)));
        if (r.type() == RecordType.AMENDMENT) Amendment.check(r, at, problems);
    }

    public static Optional<Instant> parseTime(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException notInstant) {
            try {
                return Optional.of(LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static Optional<Attestation> attestation(JsonNode a, String field, Position at, Problems problems) {
        if (a.isMissingNode()) return Optional.empty();
        if (!a.isObject() || !a.path("org").isTextual()) {
            problems.add(at, "field '" + field + "' needs an object with 'by' and 'org'", "e.g. {\"by\":\"monitor-7\",\"org\":\"UNOPS\"}");
            return Optional.empty();
        }
        // a reporter names itself with "name", an attestation with "by"; without either, the organisation stands in
        String who = a.path("by").asText(a.path("name").asText(a.path("org").asText()));
        return Optional.of(new Attestation(who, a.path("org").asText()));
    }

    private static Map<String, Double> quantities(JsonNode q, Position at, Problems problems) {
        var out = new LinkedHashMap<String, Double>();
        q.fields().forEachRemaining(e -> {
            if (!e.getValue().isNumber() || !Double.isFinite(e.getValue().asDouble()) || e.getValue().asDouble() < 0) {
                problems.add(at, "quantity '" + e.getKey() + "' is " + e.getValue() + ", not a non-negative number", "");
            } else {
                out.put(e.getKey(), e.getValue().asDouble());
            }
        });
        return out;
    }

    private static Map<String, String> attributes(JsonNode a) {
        var out = new LinkedHashMap<String, String>();
        a.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static Place place(JsonNode p) {
        if (!p.isObject()) return Place.UNKNOWN;
        return new Place(optionalText(p, "pcode"), p.has("geometry") ? Optional.of(p.get("geometry").toString()) : Optional.empty());
    }

    private static List<SourceRef> sources(JsonNode s) {
        var out = new ArrayList<SourceRef>();
        for (JsonNode n : s) out.add(new SourceRef(n.path("url").asText(""), optionalText(n, "title"), optionalText(n, "sha256")));
        return out;
    }

    private static String text(JsonNode n, String field, Position at, Problems problems) {
        var v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            problems.add(at, "missing or empty field '" + field + "'", "every record needs id, type and time");
            return null;
        }
        return v.asText();
    }

    private static Optional<String> optionalText(JsonNode n, String field) {
        var v = n.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static Optional<Integer> optionalInt(JsonNode n, String field) {
        var v = n.get(field);
        return v == null || !v.isNumber() ? Optional.empty() : Optional.of(v.asInt());
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
