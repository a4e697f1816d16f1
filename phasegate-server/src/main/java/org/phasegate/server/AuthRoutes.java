package org.phasegate.server;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.phasegate.store.StoreException;
import org.phasegate.store.users.WrongPassword;

/** Signing in and out: a browser session holds the user's unlocked signing key in memory until it ends. */
final class AuthRoutes {
    private final ApiContext c;

    AuthRoutes(ApiContext c) {
        this.c = c;
    }

    void whoami(Context ctx) {
        var caller = Caller.of(ctx);
        var n = Json.object().put("user", caller.name()).put("role", caller.role().wireName()).put("via", caller.via().name().toLowerCase());
        caller.actor().ifPresent(a -> n.put("org", a.org()));
        Json.reply(ctx, 200, n);
    }

    void signIn(Context ctx) {
        requireJson(ctx);
        var body = Body.of(ctx, Set.of("name", "password"));
        var name = body.required("name", 64);
        var password = body.password("password");
        c.throttle().check(name, ctx.ip());
        org.phasegate.store.ledger.Actor actor;
        try {
            actor = c.store().users().actor(name, password);
        } catch (WrongPassword e) {
            c.gate().record(ctx, Caller.anonymous(), 401, "failed sign-in as " + name);
            throw ApiProblem.of(401, "unauthorized", "wrong name or password");
        } catch (StoreException e) {
            if (Problems.store(e).status() == 503) throw e;
            c.gate().record(ctx, Caller.anonymous(), 401, "refused sign-in as " + name + ": " + e.getMessage());
            throw ApiProblem.of(401, "unauthorized", "wrong name or password, or the user cannot act (deactivated or without a key)");
        }
        var s = c.sessions().open(actor);
        var cookie = Gatekeeper.COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + c.config().sessionLifetime().toSeconds()
                + (c.config().tls().isPresent() ? "; Secure" : "");
        ctx.header("Set-Cookie", cookie);
        Json.reply(ctx, 201, Json.object().put("user", actor.name()).put("role", ApiRole.of(actor.role()).wireName()).put("org", actor.org())
                .put("csrfToken", s.csrf()).put("expiresAt", c.sessions().expires(s).toString()));
    }

    /**
     * Login CSRF: a page on another site can make a browser post a form here (form-encoded, multipart, or text/plain,
     * whose body can be made to read as JSON), but not with {@code Content-Type: application/json} without a CORS
     * preflight, which this server never grants; so such a form cannot sign the browser into an account of the
     * attacker's choosing.
     */
    private static void requireJson(Context ctx) {
        var type = ctx.header("Content-Type");
        var media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json")) {
            throw new ApiProblem(415, "unsupported media type", "sign in with a JSON body {\"name\", \"password\"} sent as Content-Type: application/json"
                    + (type == null ? " (none was given)" : ""), Optional.of("Content-Type"), Optional.ofNullable(type), List.of());
        }
    }

    void signOut(Context ctx) {
        Caller.of(ctx).session().ifPresent(c.sessions()::close);
        ctx.header("Set-Cookie", Gatekeeper.COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" + (c.config().tls().isPresent() ? "; Secure" : ""));
        ctx.status(204);
    }
}
