package org.phasegate.importing;

import java.nio.file.Path;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.phasegate.evidence.RecordType;
import org.phasegate.problem.Hints;
import org.phasegate.problem.Position;
import org.phasegate.problem.Problems;
import org.phasegate.problem.Quote;
import org.phasegate.problem.TextFile;
import org.phasegate.scenario.YamlMap;

/** Reads a CSV mapping file (YAML, docs/importing.md), every problem at its line and column, all at once. */
public final class CsvMappingReader {
    private static final Set<String> KEYS = Set.of("dataset", "title", "licence", "attribution", "source-url", "type", "id", "date", "pcode",
            "latitude", "longitude", "quantities", "attributes", "aliases");
    private static final Pattern DATASET = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    public CsvMapping load(Path file) {
        return parse(file.toString(), TextFile.read(file, "CSV mapping"));
    }

    public CsvMapping parse(String file, String yaml) {
        var problems = new Problems(file);
        var root = YamlMap.compose(yaml, problems);
        if (root == null) {
            if (problems.isEmpty()) problems.add(new Position(1, 1), "the mapping file is empty", "see docs/importing.md");   // else: a syntax error, already told
            problems.throwIfAny();
        }
        var m = YamlMap.of(root, "the mapping", KEYS, problems);
        var dataset = m.requiredText("dataset");
        if (!dataset.isEmpty() && !DATASET.matcher(dataset).matches()) {
            problems.add(m.at("dataset"), "dataset " + Quote.of(dataset) + " must be 1..60 characters a-z, 0-9 and -, starting with a letter or digit");
        }
        var type = m.requiredText("type");
        if (!type.isEmpty() && RecordType.fromWire(type).isEmpty()) {
            var hint = Hints.didYouMean(type, RecordType.wireNames());
            problems.add(m.at("type"), "type " + Quote.of(type) + " is not a record type",
                    hint.isEmpty() ? "one of " + String.join(", ", RecordType.wireNames()) : hint);
        }
        var ids = m.texts("id");
        if (m.has("id") && ids.isEmpty()) problems.add(m.at("id"), "id needs at least one column");
        if (!m.has("id")) problems.add(m.at(), "the mapping is missing required field 'id'", "the column(s) that identify a row, e.g. id: [crossing, date]");
        var date = m.requiredText("date");
        var quantities = names(m, "quantities", problems);
        var attributes = names(m, "attributes", problems);
        if (quantities.isEmpty() && attributes.isEmpty()) problems.add(m.at(), "the mapping has neither quantities nor attributes", "map at least one column");
        var aliases = new HashMap<String, List<String>>();
        m.node("aliases").ifPresent(n -> {
            var a = YamlMap.of(n, "aliases", new AnyKey(), problems);
            a.keys().forEach(k -> aliases.put(k, a.texts(k)));
            var columns = new java.util.ArrayList<String>(ids);
            columns.add(date);
            java.util.stream.Stream.of("pcode", "latitude", "longitude").forEach(k -> m.text(k).ifPresent(columns::add));
            columns.addAll(quantities.values());
            columns.addAll(attributes.values());
            ambiguous(a, aliases, columns, problems);
        });
        if (m.has("latitude") != m.has("longitude")) {
            problems.add(m.at(m.has("latitude") ? "latitude" : "longitude"), "latitude and longitude go together", "give both columns or neither");
        }
        problems.throwIfAny();
        var ds = new Dataset(dataset, ImportKind.CSV, m.text("title").orElse(dataset), m.text("licence").orElse(Dataset.NOT_STATED + " in the mapping"),
                m.text("attribution").orElse(Dataset.NOT_STATED + " in the mapping"), m.text("source-url").orElse(""));
        return new CsvMapping(ds, type, ids, date, m.text("pcode"), m.text("latitude"), m.text("longitude"), quantities, attributes, aliases);
    }

    /**
     * A header one column's alias and another column's alias or name (as the CSV header is matched: case, spaces, _
     * and - aside) would be read as either: refused, naming both.
     */
    private static void ambiguous(YamlMap a, Map<String, List<String>> aliases, List<String> columns, Problems problems) {
        var owner = new HashMap<String, String>();
        columns.forEach(column -> owner.putIfAbsent(CsvTable.normal(column), column));
        aliases.keySet().forEach(column -> owner.putIfAbsent(CsvTable.normal(column), column));
        for (var k : a.keys()) {
            for (var header : aliases.get(k)) {
                var before = owner.putIfAbsent(CsvTable.normal(header), k);
                if (before != null && !before.equals(k)) {
                    problems.add(a.at(k), "header " + Quote.of(header) + " would be both '" + before + "' and '" + k + "'",
                            "give each header to one column");
                }
            }
        }
    }

    private static Map<String, String> names(YamlMap m, String key, Problems problems) {
        var out = new HashMap<String, String>();
        m.node(key).ifPresent(n -> {
            var q = YamlMap.of(n, key, new AnyKey(), problems);
            for (var k : q.keys()) {
                if (!k.matches("[a-z0-9][a-z0-9-]{0,63}")) problems.add(q.at(k), key + " name " + Quote.of(k) + " must be a-z, 0-9 and -");
                q.text(k).filter(v -> !v.isBlank()).ifPresentOrElse(v -> out.put(k, v), () -> problems.add(q.at(k), key + " '" + k + "' needs a column name"));
            }
        });
        return out;
    }

    /** Any key: quantities, attributes and aliases are free-form maps. */
    private static final class AnyKey extends AbstractSet<String> {
        @Override
        public boolean contains(Object o) {
            return true;
        }

        @Override
        public Iterator<String> iterator() {
            return Collections.emptyIterator();
        }

        @Override
        public int size() {
            return 0;
        }
    }
}
