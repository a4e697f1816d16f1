package org.phasegate.evidence;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.phasegate.problem.Quote;
import org.phasegate.problem.TextFile;

/** Reads evidence records from JSON Lines: one record a line; every bad line is reported, none is half-read. */
public final class EventsReader {
    private static final Set<String> FIELDS = Set.of("id", "type", "time", "party", "place", "quantities",
            "attributes", "obligation", "progress", "disputed", "reporter", "attestations", "sources");
    private final JsonLines jsonLines = new JsonLines();
    private final Set<String> parties;
    private final Set<String> obligations;
    private final java.util.Map<String, Set<String>> stages;

    /** A reader that checks only the records' own form. */
    public EventsReader() {
        this(Set.of(), Set.of());
    }

    /** A reader that also checks that party and obligation ids exist in the scenario the records are for. */
    public EventsReader(Set<String> parties, Set<String> obligations) {
        this(parties, obligations, java.util.Map.of());
    }

    /** As above, and that an amendment's stage is a stage of its obligation ({@code stages}: obligation id -> stage ids). */
    public EventsReader(Set<String> parties, Set<String> obligations, java.util.Map<String, Set<String>> stages) {
        this.parties = Set.copyOf(parties);
        this.obligations = Set.copyOf(obligations);
        this.stages = java.util.Map.copyOf(stages);
    }

    /** Reads the file as it streams in (see {@link JsonLines}); every problem is reported, nothing is returned unless all is good. */
    public List<EvidenceRecord> read(Path file) {
        var problems = new Problems(file.toString());
        var records = new Collector(problems);
        try (var in = Files.newInputStream(file)) {
            jsonLines.read(in, problems, records);
        } catch (IOException e) {
            throw new InvalidInputException(TextFile.unreadable(file, "events file", e));
        }
        problems.throwIfAny();
        return List.copyOf(records.records);
    }

    public List<EvidenceRecord> parse(String fileName, String text) {
        var problems = new Problems(fileName);
        var records = new Collector(problems);
        jsonLines.parse(text, problems, records);
        problems.throwIfAny();
        return List.copyOf(records.records);
    }

    /** Keeps each good record once; a repeated id is a problem at its line. */
    private final class Collector implements java.util.function.Consumer<JsonLines.Line> {
        private final Problems problems;
        private final List<EvidenceRecord> records = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();

        Collector(Problems problems) {
            this.problems = problems;
        }

        @Override
        public void accept(JsonLines.Line line) {
            parseLine(line.node(), line.at(), problems).ifPresent(r -> {
                if (!ids.add(r.id())) problems.add(line.at(), "duplicate record id " + Quote.of(r.id()), "ids must be unique within a file");
                else records.add(r);
            });
        }
    }

    /** One record from one JSON object; {@code where} names it in problems. */
    public EvidenceRecord parseOne(String json, String where) {
        var problems = new Problems(where);
        var found = new ArrayList<EvidenceRecord>();
        jsonLines.parse(json.replace('\n', ' ').replace('\r', ' '), problems, line -> parseLine(line.node(), line.at(), problems).ifPresent(found::add));
        if (found.isEmpty() && problems.isEmpty()) problems.add(new Position(1, 1), "no record given", "give one JSON object");
        problems.throwIfAny();
        return found.getFirst();
    }

    Optional<EvidenceRecord> parseLine(JsonNode node, Position at, Problems problems) {
        if (node == null || !node.isObject()) {
            problems.add(at, "a record must be a JSON object", "see docs/scenario-format.md, section Records");
            return Optional.empty();
        }
        int before = problems.size();
        node.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) problems.add(at, "unknown field " + Quote.of(f), Hints.didYouMean(f, FIELDS));
        });
        var record = toRecord(node, at, problems);
        record.ifPresent(r -> checkReferences(r, at, problems));
        return problems.size() == before ? record : Optional.empty();
    }

    private Optional<EvidenceRecord> toRecord(JsonNode n, Position at, Problems problems) {
        String id = text(n, "id", at, problems);
        String typeName = text(n, "type", at, problems);
        String timeText = text(n, "time", at, problems);
        if (id == null || typeName == null || timeText == null) return Optional.empty();
        var type = RecordType.fromWire(typeName);
        if (type.isEmpty()) {
            problems.add(at, "unknown record type " + Quote.of(typeName), Hints.didYouMean(typeName, RecordType.wireNames()));
            return Optional.empty();
        }
        var time = parseTime(timeText);
        if (time.isEmpty()) {
            problems.add(at, "field 'time' has value " + Quote.of(timeText) + ", not a date or instant",
                    "use ISO-8601, e.g. 2025-10-13T08:00:00Z");
            return Optional.empty();
        }
        var progress = progress(n.get("progress"), at, problems);
        var reporter = attestation(n.path("reporter"), "reporter", at, problems).orElse(Attestation.UNKNOWN);
        var attestations = new ArrayList<Attestation>();
        if (n.has("attestations") && !n.get("attestations").isArray()) problems.add(at, "field 'attestations' must be a list", "e.g. [{\"by\":\"monitor-7\",\"org\":\"UNOPS\"}]");
        for (JsonNode a : n.path("attestations")) attestation(a, "attestations[]", at, problems).ifPresent(attestations::add);
        var disputed = n.path("disputed");
        if (!disputed.isMissingNode() && !disputed.isBoolean()) problems.add(at, "field 'disputed' must be true or false", "");
        var attributes = attributes(n.path("attributes"), at, problems);
        try {
            return Optional.of(new EvidenceRecord(id, type.get(), time.get(), optionalText(n, "party"), place(n.path("place")),
                    quantities(n.path("quantities"), at, problems), attributes,
                    optionalText(n, "obligation"), progress, disputed.asBoolean(false),
                    reporter, attestations, sources(n.path("sources"))));
        } catch (IllegalArgumentException e) {
            problems.add(at, e.getMessage(), "");
            return Optional.empty();
        }
    }

    /** 0..3, a whole number: 2.5, 1e309 or "2" are problems, never rounded. */
    private static Optional<Integer> progress(JsonNode v, Position at, Problems problems) {
        if (v == null || v.isNull()) return Optional.empty();
        if (v.isNumber() && Double.isFinite(v.asDouble()) && v.asDouble() == Math.rint(v.asDouble()) && v.asDouble() >= 0 && v.asDouble() <= 3) {
            return Optional.of((int) v.asDouble());
        }
        problems.add(at, "field 'progress' is " + Quote.of(v.toString()) + ", not a whole number from 0 to 3",
                "0 not initiated, 1 minimal, 2 intermediate, 3 complete");
        return Optional.empty();
    }

    private void checkReferences(EvidenceRecord r, Position at, Problems problems) {
        r.party().filter(p -> !parties.isEmpty() && !parties.contains(p)).ifPresent(p ->
                problems.add(at, "record " + Quote.of(r.id()) + ": field 'party' has value " + Quote.of(p) + ", not a party of the scenario", Hints.didYouMean(p, parties)));
        r.obligation().filter(o -> !obligations.isEmpty() && !obligations.contains(o)).ifPresent(o ->
                problems.add(at, "record " + Quote.of(r.id()) + ": field 'obligation' has value " + Quote.of(o) + ", not an obligation of the scenario", Hints.didYouMean(o, obligations)));
        if (r.type() == RecordType.AMENDMENT) Amendment.check(r, at, problems, stages);
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
        if (!a.isObject() || !a.path("org").isTextual() || a.path("org").asText().isBlank()) {
            problems.add(at, "field " + Quote.of(field) + " needs an object with 'by' and 'org'", "e.g. {\"by\":\"monitor-7\",\"org\":\"UNOPS\"}");
            return Optional.empty();
        }
        // a reporter names itself with "name", an attestation with "by"; without either, the organisation stands in
        String who = a.path("by").asText(a.path("name").asText(a.path("org").asText()));
        try {
            return Optional.of(new Attestation(who.isEmpty() ? a.path("org").asText() : who, a.path("org").asText()));
        } catch (IllegalArgumentException e) {
            problems.add(at, "field " + Quote.of(field) + ": " + e.getMessage(), "");
            return Optional.empty();
        }
    }

    private static Map<String, Double> quantities(JsonNode q, Position at, Problems problems) {
        var out = new LinkedHashMap<String, Double>();
        if (!q.isMissingNode() && !q.isObject()) problems.add(at, "field 'quantities' must be an object", "e.g. {\"persons\": 3}");
        q.fields().forEachRemaining(e -> {
            if (!e.getValue().isNumber() || !Double.isFinite(e.getValue().asDouble()) || e.getValue().asDouble() < 0) {
                problems.add(at, "quantity " + Quote.of(e.getKey()) + " is " + Quote.of(e.getValue().toString()) + ", not a non-negative number", "");
            } else {
                out.put(e.getKey(), e.getValue().asDouble());
            }
        });
        return out;
    }

    private static Map<String, String> attributes(JsonNode a, Position at, Problems problems) {
        var out = new LinkedHashMap<String, String>();
        if (!a.isMissingNode() && !a.isObject()) problems.add(at, "field 'attributes' must be an object", "e.g. {\"kind\": \"drone\"}");
        a.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) out.put(e.getKey(), e.getValue().asText());
            else problems.add(at, "attribute " + Quote.of(e.getKey()) + " must be a text, number or true/false", "");
        });
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
            problems.add(at, "missing or empty field " + Quote.of(field) + "", "every record needs id, type and time");
            return null;
        }
        return v.asText();
    }

    private static Optional<String> optionalText(JsonNode n, String field) {
        var v = n.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

}
