package org.phasegate.store.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.phasegate.importing.ImportedRow;
import org.phasegate.store.crypto.Hashes;
import org.phasegate.store.ledger.Canonical;

/**
 * An imported row as stored: its canonical JSON ({@code type, period, pcode, quantities, attributes, flags, geometry};
 * the file line is not content, so a re-ordered file is the same data) and its leaf data, SHA-256 of
 * {@code dataset 0x00 sourceId 0x00 content}, which binds the row to its dataset and id.
 */
public final class RowContent {
    private static final byte[] SEP = {0};

    private RowContent() {
    }

    /** The canonical JSON (keys sorted, no whitespace, Jackson's escaping and number form, as {@link Canonical#json}). */
    public static String json(ImportedRow r) {
        return new String(new RowBytes().content(r), StandardCharsets.UTF_8);
    }

    public static byte[] leafData(String dataset, String sourceId, String content) {
        return Hashes.sha256(dataset.getBytes(StandardCharsets.UTF_8), SEP, sourceId.getBytes(StandardCharsets.UTF_8), SEP,
                content.getBytes(StandardCharsets.UTF_8));
    }

    /** The row back from its stored content (line 0: the file line is not kept). */
    public static ImportedRow parse(String sourceId, String content) {
        JsonNode o = Canonical.parse(content);
        var period = Optional.ofNullable(o.get("period")).map(p -> new ImportedRow.Period(LocalDate.parse(p.path("start").asText()),
                LocalDate.parse(p.path("end").asText()), p.path("label").asText()));
        var q = new HashMap<String, Double>();
        o.path("quantities").properties().forEach(e -> q.put(e.getKey(), e.getValue().asDouble()));
        Map<String, String> a = new HashMap<>();
        o.path("attributes").properties().forEach(e -> a.put(e.getKey(), e.getValue().asText()));
        List<String> flags = new ArrayList<>();
        o.path("flags").forEach(f -> flags.add(f.asText()));
        return new ImportedRow(sourceId, 0, o.path("type").asText(), period, Optional.ofNullable(o.get("pcode")).map(JsonNode::asText), q, a,
                flags, Optional.ofNullable(o.get("geometry")).map(JsonNode::asText));
    }
}
