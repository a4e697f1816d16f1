package org.phasegate.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 description, generated from the route table (the same rows the server registers and the
 * gatekeeper enforces): each operation's summary, path parameters, and who may call it ({@code x-roles}).
 */
final class OpenApi {
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    private OpenApi() {
    }

    static ObjectNode describe(List<Route> routes) {
        var doc = Json.object().put("openapi", "3.1.0");
        doc.putObject("info").put("title", "Phasegate API").put("version", "1")
                .put("description", "Phased peace agreements: scenarios, evidence ledger, gates, forecasts. See docs/api.md.");
        var components = doc.putObject("components");
        var schemes = components.putObject("securitySchemes");
        schemes.putObject("token").put("type", "http").put("scheme", "bearer").put("description", "API token: pgt_<id>_<secret>");
        schemes.putObject("session").put("type", "apiKey").put("in", "cookie").put("name", Gatekeeper.COOKIE)
                .put("description", "Browser session; state-changing requests also send the " + Gatekeeper.CSRF_HEADER + " header");
        components.putObject("schemas").putObject("Problem").put("type", "object").put("description", "RFC 9457 problem details")
                .set("properties", problemProperties());
        var paths = doc.putObject("paths");
        for (var r : routes) {
            var oapiPath = r.path();
            var item = paths.has(oapiPath) ? (ObjectNode) paths.get(oapiPath) : paths.putObject(oapiPath);
            var op = item.putObject(r.method().name().toLowerCase());
            op.put("summary", r.access().summary()).put("operationId", r.method().name().toLowerCase() + r.path().replaceAll("[^A-Za-z0-9]+", "_"));
            var roles = op.putArray("x-roles");
            r.access().roles().stream().map(ApiRole::wireName).sorted().forEach(roles::add);
            var params = op.putArray("parameters");
            var m = PARAM.matcher(r.path());
            while (m.find()) params.addObject().put("name", m.group(1)).put("in", "path").put("required", true).putObject("schema").put("type", "string");
            var responses = op.putObject("responses");
            responses.putObject("200").put("description", "success (201 for what is created, 202 for a job)");
            responses.putObject("4XX").put("description", "a problem with the request").putObject("content").putObject("application/problem+json")
                    .putObject("schema").put("$ref", "#/components/schemas/Problem");
        }
        return doc;
    }

    private static ObjectNode problemProperties() {
        var p = Json.object();
        for (var f : List.of("type", "title", "detail", "instance", "field", "value")) p.putObject(f).put("type", "string");
        p.putObject("status").put("type", "integer");
        p.putObject("problems").put("type", "array");
        return p;
    }
}
