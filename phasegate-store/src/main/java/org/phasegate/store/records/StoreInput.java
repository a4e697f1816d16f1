package org.phasegate.store.records;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.phasegate.evidence.Submission;
import org.phasegate.store.StoreException;
import org.phasegate.store.Text;
import org.phasegate.store.ledger.Canonical;

/**
 * Bounds on what a record may put into the ledger, checked by the store whatever reader produced it: ids and short
 * fields at most 200 characters, texts at most 10,000, no control characters (newlines and tabs only in texts) or
 * lone surrogates, quantities finite and between 0 and 10^12, observed times between 1900 and 2200.
 */
final class StoreInput {
    static final int MAX_ID = 200;
    static final int MAX_TEXT = 10_000;
    static final double MAX_QUANTITY = 1e12;
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private StoreInput() {
    }

    static void check(Submission s) {
        var r = s.record();
        Text.check("record id", r.id(), MAX_ID, false);
        r.party().ifPresent(p -> Text.check("record '" + r.id() + "': field 'party'", p, MAX_ID, false));
        s.supersedes().ifPresent(p -> Text.check("record '" + r.id() + "': field 'supersedes'", p, MAX_ID, false));
        if (r.time().isBefore(EARLIEST) || !r.time().isBefore(LATEST)) {
            throw new StoreException("record '" + r.id() + "': field 'time' has value '" + r.time() + "', outside 1900..2199 (a typo in the year?)");
        }
        for (Map.Entry<String, Double> q : r.quantities().entrySet()) {
            double v = q.getValue();
            if (!Double.isFinite(v) || v < 0 || v > MAX_QUANTITY) {
                throw new StoreException("record '" + r.id() + "': field 'quantities." + q.getKey() + "' has value " + v
                        + ", not a count between 0 and 10^12");
            }
        }
        texts(r.id(), "", Canonical.parse(s.publicJson()));
        s.confidentialJson().ifPresent(json -> texts(r.id(), "confidential.", Canonical.parse(json)));
    }

    /** Every key and string value in the JSON, bounded; numbers finite. */
    private static void texts(String id, String path, JsonNode node) {
        if (node.isTextual()) {
            Text.check("record '" + id + "': field '" + path.replaceAll("\\.$", "") + "'", node.textValue(), MAX_TEXT, true);
        } else if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            throw new StoreException("record '" + id + "': field '" + path.replaceAll("\\.$", "") + "' is not a finite number");
        } else if (node.isObject()) {
            node.properties().forEach(e -> {
                Text.check("record '" + id + "': a field name in '" + path + "'", e.getKey(), MAX_ID, false);
                texts(id, path + e.getKey() + ".", e.getValue());
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) texts(id, path + "[" + i + "].", node.get(i));
        }
    }
}
