package org.phasegate.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.phasegate.store.records.RecordDetail;
import org.phasegate.store.records.RecordView;

/** Records as the API gives them: JSON, and the exports (CSV, GeoJSON, JSON Lines). Never a sealed part. */
final class RecordJson {
    private RecordJson() {
    }

    static ObjectNode view(RecordView v) {
        var n = Json.object().put("id", v.id()).put("type", v.type()).put("time", v.time().toString());
        v.party().ifPresent(p -> n.put("party", p));
        n.put("state", v.state().wireName()).put("confidentiality", v.confidentiality().wireName()).put("reporter", v.reporter())
                .put("reporterOrg", v.reporterOrg()).put("required", v.required());
        var a = n.putArray("attestations");
        v.attestations().forEach(x -> a.addObject().put("by", x.by()).put("org", x.org()));
        v.supersedes().ifPresent(s -> n.put("supersedes", s));
        v.commitment().ifPresent(s -> n.put("commitment", s));
        n.set("body", Json.parse(v.body()));
        return n;
    }

    static ObjectNode detail(RecordDetail d) {
        var n = view(d.view()).put("entry", d.entry()).put("stillNeeded", d.stillNeeded());
        var steps = n.putArray("steps");
        d.steps().forEach(s -> steps.addObject().put("entry", s.entry()).put("what", s.what()).put("by", s.by()).put("org", s.org()).put("reason", s.reason()));
        d.sources().forEach(n.putArray("sources")::add);
        d.candidateOrgs().forEach(n.putArray("candidateOrgs")::add);
        return n;
    }

    static void jsonLines(List<RecordView> views, Writer out) throws IOException {
        for (var v : views) out.append(Json.write(view(v))).append('\n');
    }

    /** A FeatureCollection written feature by feature: the bytes Jackson writes for the whole collection at once. */
    static void geoJson(List<RecordView> views, Writer out) throws IOException {
        out.write("{\"type\":\"FeatureCollection\",\"features\":[");
        String comma = "";
        for (var v : views) {
            var f = Json.object().put("type", "Feature").put("id", v.id());
            var place = Json.parse(v.body()).path("place");
            var geometry = place.path("geometry");
            if (geometry.isObject()) f.set("geometry", geometry);
            else f.putNull("geometry");
            var props = view(v);
            props.remove("body");
            if (place.hasNonNull("pcode")) props.put("pcode", place.path("pcode").asText());   // where a record without a point lies
            f.set("properties", props);
            out.append(comma).append(Json.write(f));
            comma = ",";
        }
        out.write("]}");
    }

    static void csv(List<RecordView> views, Writer out) throws IOException {
        out.write("id,type,time,party,state,confidentiality,reporter,reporter_org,attestations,pcode,lon,lat,supersedes\n");
        for (var v : views) {
            var place = Json.parse(v.body()).path("place");
            var coords = place.path("geometry").path("type").asText().equals("Point") ? place.path("geometry").path("coordinates") : null;
            out.append(String.join(",", cell(v.id()), cell(v.type()), cell(v.time().toString()), cell(v.party().orElse("")), cell(v.state().wireName()),
                    cell(v.confidentiality().wireName()), cell(v.reporter()), cell(v.reporterOrg()), Integer.toString(v.attestations().size()),
                    cell(place.path("pcode").asText("")), coords == null ? "" : coords.path(0).asText(), coords == null ? "" : coords.path(1).asText(),
                    cell(v.supersedes().orElse("")))).append('\n');
        }
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet does not run it as a formula. */
    private static String cell(String s) {
        var safe = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return safe.matches("[^\",\r\n]*") ? safe : "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
