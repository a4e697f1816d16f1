package org.phasegate.server;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.phasegate.store.access.AccessLog;
import org.phasegate.store.users.Tokens;

/**
 * Authentication and authorization, enforced in one place: every route is registered through {@link #guard}, which
 * finds the caller (API token, session cookie, or anonymous), checks the token's scope or the session's CSRF token on
 * a state-changing request, then the route's {@link Access} entry, and writes denials, and allowed reads of restricted
 * or confidential data, to the access log.
 */
final class Gatekeeper {
    static final String COOKIE = "phasegate_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String CSRF_KEY = "phasegate.csrf";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final ServerConfig config;
    private final Sessions sessions;
    private final AccessLog log;
    private final OpenTokens openTokens;

    Gatekeeper(ServerConfig config, Sessions sessions, Tokens tokens, AccessLog log, Clock clock, Computations computations) {
        this.config = config;
        this.sessions = sessions;
        this.log = log;
        this.openTokens = new OpenTokens(clock, presented -> {
            computations.tokenOpenings.increment();
            return tokens.open(presented);
        });
    }

    /** The route's handler behind the access check. */
    Handler guard(Route route) {
        return ctx -> {
            var caller = admit(ctx, route);
            route.handler().handle(ctx);
            if (audited(route.access().audit(), caller)) record(ctx, caller, ctx.statusCode(), route.access().summary());
        };
    }

    private static boolean audited(Access.Audit audit, Caller caller) {
        return switch (audit) {
            case NONE -> false;
            case ALWAYS -> true;
            case RESTRICTED_VIEW -> ApiRole.RESTRICTED_READERS.contains(caller.role());
        };
    }

    private Caller admit(Context ctx, Route route) {
        Caller caller;
        try {
            // signing in starts a new session: an old or stale cookie (or its CSRF token) must not stand in the way
            caller = signingIn(ctx, route) ? Caller.anonymous() : authenticate(ctx);
        } catch (ApiProblem p) {
            record(ctx, Caller.anonymous(), p.status(), p.getMessage());
            throw p;
        }
        ctx.attribute(Caller.KEY, caller);
        boolean reads = READS.contains(ctx.method().name());
        if (caller.via() == Caller.Via.TOKEN && !caller.scopes().contains(reads ? "read" : "write") && !(reads && caller.scopes().contains("write"))) {
            throw deny(ctx, caller, 403, "this token's scopes " + new TreeSet<>(caller.scopes()) + " do not allow " + ctx.method()
                    + "; make a token with scope " + (reads ? "read" : "write"));
        }
        if (caller.via() == Caller.Via.SESSION && !reads && !csrfMatches(ctx, caller)) {
            throw deny(ctx, caller, 403, "missing or wrong " + CSRF_HEADER + " header: send the csrfToken given at sign-in with every"
                    + " state-changing request (or use an API token)");
        }
        var access = route.access();
        if (caller.role() == ApiRole.ANONYMOUS && !config.anonymousRead() && !Server.alwaysOpen(route.path())) {
            throw deny(ctx, caller, 401, "this server does not serve anonymous readers; sign in: POST " + Server.BASE + "/session");
        }
        if (!access.allows(caller.role())) {
            if (caller.role() == ApiRole.ANONYMOUS) throw deny(ctx, caller, 401, "sign in first: POST " + Server.BASE + "/session, or send an API token");
            throw deny(ctx, caller, 403, caller.name() + " is " + caller.role().wireName() + "; " + access.summary().toLowerCase()
                    + " is for: " + String.join(", ", access.roles().stream().map(ApiRole::wireName).sorted().toList()));
        }
        return caller;
    }

    private static boolean signingIn(Context ctx, Route route) {
        return route.method().name().equals("POST") && route.path().equals(Server.BASE + "/session");
    }

    private Caller authenticate(Context ctx) {
        var auth = ctx.header("Authorization");
        if (auth != null) {
            if (!auth.startsWith("Bearer ")) throw ApiProblem.of(401, "unauthorized", "the Authorization header takes: Bearer <API token>");
            var t = openTokens.find(auth.substring(7).trim()).orElseThrow(() -> ApiProblem.of(401, "unauthorized",
                    "the API token is unknown, expired, revoked or stale (its user's key changed); make a new one"));
            return new Caller(Optional.of(t.actor()), ApiRole.of(t.actor().role()), Caller.Via.TOKEN, t.token().scopes(), Optional.empty());
        }
        var cookie = ctx.cookie(COOKIE);
        if (cookie != null) {
            var s = sessions.find(cookie).orElseThrow(() -> ApiProblem.of(401, "unauthorized", "the session has ended; sign in again: POST " + Server.BASE + "/session"));
            ctx.attribute(CSRF_KEY, s.csrf());
            return new Caller(Optional.of(s.actor()), ApiRole.of(s.actor().role()), Caller.Via.SESSION, Set.of("read", "write"), Optional.of(s.id()));
        }
        return Caller.anonymous();
    }

    /** Drops a revoked token's unlocked key at once. */
    void forget(String tokenId) {
        openTokens.forget(tokenId);
    }

    /** Drops the unlocked keys of every token of a user (deactivated): their next request opens the token again, and is refused. */
    void forgetUser(String user) {
        openTokens.forgetUser(user);
    }

    private static boolean csrfMatches(Context ctx, Caller caller) {
        var given = ctx.header(CSRF_HEADER);
        String expected = ctx.attribute(CSRF_KEY);
        return given != null && expected != null && caller.session().isPresent()
                && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private ApiProblem deny(Context ctx, Caller caller, int status, String why) {
        record(ctx, caller, status, why);
        return ApiProblem.of(status, status == 401 ? "unauthorized" : "forbidden", why);
    }

    void record(Context ctx, Caller caller, int status, String what) {
        var query = ctx.queryString();
        log.add(caller.name(), caller.role().wireName(), ctx.ip(), ctx.method().name(), ctx.path() + (query == null ? "" : "?" + query), status, what);
    }
}
