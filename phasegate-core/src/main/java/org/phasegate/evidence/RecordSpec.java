package org.phasegate.evidence;

import org.phasegate.problem.Quote;
import java.util.List;
import java.util.Map;
import org.phasegate.problem.Hints;
import org.phasegate.problem.Position;
import org.phasegate.problem.Problems;

/**
 * What each record type must carry when it is reported to the ledger: its taxonomy attribute (from a closed list),
 * free-text attributes and quantities it needs, and whether it needs a place. Checked on top of the general record
 * form, so bundled events files (read without these rules) keep working.
 */
public record RecordSpec(Map<String, List<String>> choices, List<String> texts, List<String> quantities,
                         boolean anyQuantity, boolean needsPlace) {

    public static final List<String> INCIDENT_KINDS = List.of("rocket", "mortar", "drone", "sniper", "small-arms",
            "airstrike", "shelling", "ground-raid", "demolition", "detention", "aid-obstruction", "monitor-access-denied");

    private static final Map<RecordType, RecordSpec> SPECS = Map.of(
            RecordType.INCIDENT, new RecordSpec(Map.of("kind", INCIDENT_KINDS), List.of(), List.of(), false, true),
            RecordType.DECOMMISSIONING, new RecordSpec(Map.of(
                    "category", List.of("rockets", "launchers", "small-arms", "explosives", "tunnels-infrastructure"),
                    "method", List.of("destroyed", "beyond-use")), List.of("inventory-ref"), List.of("items"), false, true),
            RecordType.AID_DELIVERY, new RecordSpec(Map.of("category", List.of("food", "medical", "fuel", "shelter", "water", "mixed", "other")),
                    List.of("crossing"), List.of("trucks"), false, true),
            RecordType.TROOP_POSITION, new RecordSpec(Map.of("movement", List.of("position", "withdrawal")), List.of("stage"), List.of(), false, true),
            RecordType.EXCHANGE, new RecordSpec(Map.of("exchange", List.of("hostage", "prisoner", "remains")), List.of(), List.of("persons"), false, true),
            RecordType.DEPLOYMENT, new RecordSpec(Map.of(), List.of("contingent"), List.of("strength"), false, true),
            RecordType.FUNDING, new RecordSpec(Map.of("stage", List.of("pledge", "disbursement", "tranche")), List.of("donor"), List.of(), true, false),
            RecordType.GOVERNANCE, new RecordSpec(Map.of("body", List.of("committee", "police", "board", "other")), List.of(), List.of(), false, false),
            RecordType.CASUALTIES, new RecordSpec(Map.of(), List.of(), List.of(), true, true),
            // its own fields (obligation, attributes.deadline, .state, .stage) are checked by Amendment, as in events files
            RecordType.AMENDMENT, new RecordSpec(Map.of(), List.of(), List.of(), false, false));

    private static final RecordSpec FREE = new RecordSpec(Map.of(), List.of(), List.of(), false, false);

    public static RecordSpec of(RecordType type) {
        return SPECS.getOrDefault(type, FREE);
    }

    /** Adds a located problem for each rule the record breaks. */
    public void check(EvidenceRecord r, Position at, Problems problems) {
        String what = "record " + Quote.of(r.id()) + " (" + r.type().wireName() + ")";
        choices.forEach((field, allowed) -> {
            var v = r.attributes().get(field);
            if (v == null) problems.add(at, what + ": missing field 'attributes." + field + "'", "one of: " + String.join(", ", allowed));
            else if (!allowed.contains(v)) problems.add(at, what + ": field 'attributes." + field + "' has value " + org.phasegate.problem.Quote.of(v)
                    + ", not one of the allowed values", Hints.didYouMean(v, allowed));
        });
        for (var field : texts) {
            var v = r.attributes().get(field);
            if (v == null || v.isBlank()) problems.add(at, what + ": missing field 'attributes." + field + "'", "give it as text");
        }
        for (var q : quantities) {
            if (!r.quantities().containsKey(q)) problems.add(at, what + ": missing field 'quantities." + q + "'", "a non-negative number");
        }
        if (anyQuantity && r.quantities().isEmpty()) {
            problems.add(at, what + ": needs at least one quantity", r.type() == RecordType.FUNDING ? "e.g. \"quantities\":{\"usd\":1000000}"
                    : "e.g. \"quantities\":{\"killed\":2,\"injured\":5}");
        }
        if (needsPlace && r.place().pcode().isEmpty() && r.place().geometryJson().isEmpty()) {
            problems.add(at, what + ": missing field 'place'", "give \"place\":{\"pcode\":\"PS0260\"} and/or a GeoJSON \"geometry\"");
        }
    }
}
