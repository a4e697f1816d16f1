package org.phasegate.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;
import org.phasegate.evidence.Workflow;
import org.phasegate.store.records.RecordView;

/**
 * The filters of a record listing or export, from the query: {@code from}/{@code to} (observation time, inclusive),
 * {@code type}, {@code party}, {@code pcode} (the place's OCHA p-code, or a prefix of it: PS02 matches PS0260),
 * {@code bbox} (minLon,minLat,maxLon,maxLat: a point of the place's geometry inside) and {@code state}.
 */
record RecordFilter(Optional<Instant> from, Optional<Instant> to, Optional<String> type, Optional<String> party, Optional<String> pcode,
                    Optional<double[]> bbox, Optional<Workflow.State> state) implements Predicate<RecordView> {

    static RecordFilter of(Context ctx) {
        var state = Query.text(ctx, "state", 40).map(s -> Arrays.stream(Workflow.State.values()).filter(v -> v.wireName().equals(s)).findFirst()
                .orElseThrow(() -> ApiProblem.field("state", s, "is not a state; give one of: "
                        + String.join(", ", Arrays.stream(Workflow.State.values()).map(Workflow.State::wireName).toList()))));
        var f = new RecordFilter(Query.instant(ctx, "from"), Query.instant(ctx, "to"), Query.text(ctx, "type", 200), Query.text(ctx, "party", 200),
                Query.text(ctx, "pcode", 200), Query.bbox(ctx, "bbox"), state);
        if (f.from.isPresent() && f.to.isPresent() && f.from.get().isAfter(f.to.get())) {
            throw ApiProblem.field("from", f.from.get().toString(), "is after to (" + f.to.get() + "); give from <= to");
        }
        return f;
    }

    @Override
    public boolean test(RecordView v) {
        if (from.isPresent() && v.time().isBefore(from.get())) return false;
        if (to.isPresent() && v.time().isAfter(to.get())) return false;
        if (type.isPresent() && !type.get().equals(v.type())) return false;
        if (party.isPresent() && !party.equals(v.party())) return false;
        if (state.isPresent() && state.get() != v.state()) return false;
        if (pcode.isEmpty() && bbox.isEmpty()) return true;
        var place = Json.parse(v.body()).path("place");
        if (pcode.isPresent() && !place.path("pcode").asText("").startsWith(pcode.get())) return false;
        return bbox.isEmpty() || inside(place.path("geometry").path("coordinates"), bbox.get());
    }

    /** Whether any position in a GeoJSON coordinates array (of any depth) lies in the box. */
    private static boolean inside(JsonNode coords, double[] box) {
        if (!coords.isArray() || coords.isEmpty()) return false;
        if (coords.get(0).isNumber()) {
            if (coords.size() < 2) return false;
            double lon = coords.get(0).asDouble(), lat = coords.get(1).asDouble();
            return lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];
        }
        for (var c : coords) if (inside(c, box)) return true;
        return false;
    }
}
