package org.phasegate.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.phasegate.bargain.IssueParseException;
import org.phasegate.problem.InvalidInputException;
import org.phasegate.problem.Problem;
import org.phasegate.problem.Quote;
import org.phasegate.store.RecordRefused;
import org.phasegate.store.StoreException;
import org.phasegate.store.StoreTampered;
import org.phasegate.store.StoreUnavailable;
import org.phasegate.store.users.WrongPassword;

/**
 * The one place every failure becomes an RFC 9457 {@code application/problem+json} reply: the API's own refusals, the
 * core's located problems (422, with each problem's line and column), the store's refusals (404 for what does not
 * exist, 409 for what the state forbids, 503 for a database failure) and Javalin's own (404, 405, 413). Anything else
 * is a 500 that says only that: never a stack trace.
 */
final class Problems {
    static final String TYPE = "application/problem+json";

    private Problems() {
    }

    static void install(JavalinConfig cfg) {
        cfg.routes.exception(ApiProblem.class, (e, ctx) -> reply(ctx, e));
        cfg.routes.exception(InvalidInputException.class, (e, ctx) -> reply(ctx, located(e.problems())));
        cfg.routes.exception(IssueParseException.class, (e, ctx) -> reply(ctx, located(e.problems())));
        cfg.routes.exception(StoreException.class, (e, ctx) -> reply(ctx, store(e)));
        cfg.routes.exception(HttpResponseException.class, (e, ctx) -> reply(ctx, javalin(e, ctx)));
        // the client closed before sending the body it announced: its fault, and it is gone; not a server failure to log
        cfg.routes.exception(java.io.EOFException.class, (e, ctx) -> reply(ctx, ApiProblem.badRequest("the body ended before the length the request gave")));
        cfg.routes.exception(Exception.class, (e, ctx) -> {
            System.err.println("phasegate-server: " + ctx.method() + " " + ctx.path() + " failed: " + e);
            reply(ctx, ApiProblem.of(500, "internal error", "the server failed on this request; the failure is logged on the server"));
        });
        cfg.routes.error(404, ctx -> {
            if (!TYPE.equals(ctx.res().getContentType())) reply(ctx, ApiProblem.notFound("no route " + Quote.of(ctx.path()) + "; see " + Server.BASE + "/openapi.json"));
        });
    }

    private static ApiProblem located(List<Problem> problems) {
        var first = problems.isEmpty() ? "" : problems.getFirst().render();
        return new ApiProblem(422, "invalid input", problems.size() + " problem(s); the first: " + first, Optional.empty(), Optional.empty(), problems);
    }

    static ApiProblem store(StoreException e) {
        var msg = String.valueOf(e.getMessage());
        if (e instanceof WrongPassword) return ApiProblem.of(401, "unauthorized", "wrong name or password");
        if (e instanceof StoreUnavailable || e instanceof StoreTampered || databaseFailure(e)) {
            System.err.println("phasegate-server: store failure: " + msg);
            return ApiProblem.of(503, "store unavailable", "the evidence store failed on this request, not the request itself; try again later");
        }
        if (e instanceof RecordRefused) return msg.contains("already exists") ? ApiProblem.of(409, "record exists", msg) : ApiProblem.of(422, "record refused", msg);
        if (msg.startsWith("no ")) return ApiProblem.notFound(msg);
        return ApiProblem.of(409, "refused", msg);
    }

    private static boolean databaseFailure(Throwable e) {
        for (var t = e; t != null; t = t.getCause()) if (t instanceof SQLException) return true;
        return false;
    }

    private static ApiProblem javalin(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> ApiProblem.notFound("no route " + Quote.of(ctx.path()) + "; see " + Server.BASE + "/openapi.json");
            case 405 -> ApiProblem.of(405, "method not allowed", ctx.method() + " is not allowed on " + Quote.of(ctx.path()));
            case 413 -> ApiProblem.of(413, "content too large", "the body is larger than the server accepts; send less (see docs/api.md)");
            default -> ApiProblem.of(e.getStatus(), "refused", Quote.shorten(String.valueOf(e.getMessage())));
        };
    }

    static void reply(Context ctx, ApiProblem p) {
        var n = Json.object().put("type", "about:blank").put("title", p.title()).put("status", p.status())
                .put("detail", p.getMessage()).put("instance", Quote.shorten(ctx.path()));
        p.field().ifPresent(f -> n.put("field", Quote.shorten(f)));
        p.value().ifPresent(v -> n.put("value", v));
        if (!p.problems().isEmpty()) {
            var a = n.putArray("problems");
            p.problems().stream().limit(100).forEach(pr -> a.addObject().put("file", pr.file()).put("line", pr.line())
                    .put("column", pr.column()).put("message", pr.message()).put("hint", pr.hint()).put("text", pr.render()));
        }
        if (p.status() == 401) ctx.header("WWW-Authenticate", "Bearer realm=\"phasegate\"");
        ctx.status(p.status()).contentType(TYPE).result(Json.write(n));
    }
}
