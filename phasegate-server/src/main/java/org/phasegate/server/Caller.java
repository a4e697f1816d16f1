package org.phasegate.server;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;
import org.phasegate.store.ledger.Actor;

/** Who made a request and how: by session cookie, by API token (with its scopes), or nobody (anonymous). */
public record Caller(Optional<Actor> actor, ApiRole role, Via via, Set<String> scopes, Optional<String> session) {
    public enum Via { SESSION, TOKEN, ANONYMOUS }

    static final String KEY = "phasegate.caller";

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    static Caller anonymous() {
        return new Caller(Optional.empty(), ApiRole.ANONYMOUS, Via.ANONYMOUS, Set.of("read"), Optional.empty());
    }

    public String name() {
        return actor.map(Actor::name).orElse("anonymous");
    }

    /** The caller set by the gatekeeper for this request. */
    public static Caller of(Context ctx) {
        Caller c = ctx.attribute(KEY);
        return c == null ? anonymous() : c;
    }

    /** The signed-in user, for a route that writes (the gatekeeper lets only signed-in roles reach those). */
    public static Actor actor(Context ctx) {
        return of(ctx).actor().orElseThrow(() -> ApiProblem.of(401, "unauthorized", "sign in first: POST " + Server.BASE + "/session"));
    }
}
