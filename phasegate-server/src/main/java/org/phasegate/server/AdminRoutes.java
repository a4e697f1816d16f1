package org.phasegate.server;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.phasegate.evidence.Role;
import org.phasegate.problem.Quote;
import org.phasegate.evidence.OrgName;
import org.phasegate.store.StoreException;
import org.phasegate.store.Text;
import org.phasegate.store.orgs.Organisations;
import org.phasegate.store.users.Passwords;
import org.phasegate.store.users.Tokens;
import org.phasegate.store.users.Users;
import org.phasegate.store.users.WrongPassword;

/** Users, organisations and API tokens (admins; anyone signed in for their own tokens), and the access log. */
final class AdminRoutes {
    private final ApiContext c;

    AdminRoutes(ApiContext c) {
        this.c = c;
    }

    void users(Context ctx) {
        var a = Json.array();
        c.store().users().list().forEach(u -> a.addObject().put("name", u.name()).put("role", ApiRole.of(u.role()).wireName())
                .put("storeRole", u.role().wireName()).put("org", u.org()).put("active", u.active()));
        Json.reply(ctx, 200, Json.object().set("users", a));
    }

    /** The body's values are checked here, each refusal a 422 naming the field and the rule; the store's state (a taken name) is a 409. */
    void addUser(Context ctx) {
        var body = Body.of(ctx, Set.of("name", "role", "org", "password"));
        var roleName = body.required("role", 20);
        var role = Role.fromWire(roleName).filter(r -> r != Role.PUBLIC).orElseThrow(() -> ApiProblem.field("role", roleName,
                "give one of: admin, board, monitor, analyst, viewer"));
        var name = body.required("name", 64);
        checked("name", name, () -> Users.checkName(name));
        var org = registeredOrganisation(body.required("org", 200));
        var password = body.password("password");
        try {
            Passwords.requireStrong(password, "field 'password'");
        } catch (StoreException e) {
            throw Body.secretRefused("password", "has " + password.codePointCount(0, password.length()) + " characters; a password needs at least "
                    + Passwords.MIN_LENGTH + " (and at most " + Passwords.MAX_LENGTH + ")");
        }
        var u = c.store().users().add(Optional.of(Caller.actor(ctx)), name, role, org, password);
        ctx.header("Location", Server.BASE + "/users/" + u.name());
        Json.reply(ctx, 201, Json.object().put("name", u.name()).put("role", ApiRole.of(u.role()).wireName()).put("org", u.org()));
    }

    /** The registered organisation of that name (as the store compares names), or a 422 listing the registered ones. */
    private String registeredOrganisation(String org) {
        var display = checked("org", org, () -> Organisations.checkedName(org));
        var known = c.store().organisations().list();
        return known.stream().map(Organisations.Organisation::name).filter(n -> OrgName.normalise(n).equals(OrgName.normalise(display))).findFirst()
                .orElseThrow(() -> ApiProblem.field("org", org, "is not a registered organisation (registered: "
                        + String.join(", ", known.stream().map(Organisations.Organisation::name).toList()) + "); register it first: POST "
                        + Server.BASE + "/organisations"));
    }

    /** A store's check of one value, its refusal as a 422 naming the field. */
    private static <T> T checked(String field, String value, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (StoreException e) {
            throw ApiProblem.field(field, value, e.getMessage());
        }
    }

    private static void checked(String field, String value, Runnable check) {
        checked(field, value, () -> {
            check.run();
            return null;
        });
    }

    void deactivate(Context ctx) {
        var name = ctx.pathParam("name");
        var reason = Body.of(ctx, Set.of("reason")).required("reason", 2000);
        checked("reason", reason, () -> Text.check("reason", reason, 2000, true));
        long seq = c.store().users().deactivate(Caller.actor(ctx), name, reason);
        c.sessions().closeAll(name);
        c.gate().forgetUser(name);
        Json.reply(ctx, 201, Json.object().put("name", name).put("active", false).put("entry", seq));
    }

    void organisations(Context ctx) {
        var a = Json.array();
        c.store().organisations().list().forEach(o -> a.addObject().put("id", o.id()).put("name", o.name()));
        Json.reply(ctx, 200, Json.object().set("organisations", a));
    }

    void addOrganisation(Context ctx) {
        var name = Body.of(ctx, Set.of("name")).required("name", 200);
        checked("name", name, () -> Organisations.checkedName(name));
        var o = c.store().organisations().add(Caller.actor(ctx), name);
        Json.reply(ctx, 201, Json.object().put("id", o.id()).put("name", o.name()));
    }

    void tokens(Context ctx) {
        var caller = Caller.of(ctx);
        var a = Json.array();
        c.store().tokens().list(caller.role() == ApiRole.ADMIN ? Optional.empty() : Optional.of(caller.name())).forEach(t -> a.add(token(t)));
        Json.reply(ctx, 200, Json.object().set("tokens", a));
    }

    /** Making a token needs the caller's password again: it opens their signing key, which is sealed anew under the token. */
    void addToken(Context ctx) {
        var body = Body.of(ctx, Set.of("label", "scopes", "days", "password"));
        var scopes = new LinkedHashSet<>(body.strings("scopes", 2, 10));
        if (scopes.isEmpty()) scopes.add("read");
        for (var s : scopes) if (!Tokens.SCOPES.contains(s)) throw ApiProblem.field("scopes", s, "give read, write or both");
        long days = body.integer("days", 1, Tokens.MAX_LIFETIME.toDays()).orElse(90L);
        var label = body.text("label", 200).filter(l -> !l.isBlank()).orElse("api token");
        checked("label", label, () -> Text.check("label", label, 200, false));
        var name = Caller.actor(ctx).name();
        Tokens.Issued issued;
        try {
            issued = c.store().tokens().create(name, body.password("password"), label, scopes, Duration.ofDays(days));
        } catch (WrongPassword e) {
            c.store().users().refusedSignIn(name, "wrong password making a token");
            throw ApiProblem.of(401, "unauthorized", "wrong password: making a token needs the caller's own password");
        }
        Json.reply(ctx, 201, token(issued.token()).put("token", issued.secret()));
    }

    void revokeToken(Context ctx) {
        var id = ctx.pathParam("id");
        var caller = Caller.of(ctx);
        var t = c.store().tokens().find(id).filter(x -> x.user().equals(caller.name()) || caller.role() == ApiRole.ADMIN)
                .orElseThrow(() -> ApiProblem.notFound("no token " + Quote.of(id) + " that " + caller.name() + " may revoke"));
        var revoked = c.store().tokens().revoke(caller.name(), t.id());
        c.gate().forget(t.id());
        Json.reply(ctx, 200, token(revoked));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode token(Tokens.Token t) {
        var n = Json.object().put("id", t.id()).put("user", t.user()).put("label", t.label()).put("created", t.created().toString())
                .put("expires", t.expires().toString());
        t.scopes().forEach(n.putArray("scopes")::add);
        t.revoked().ifPresentOrElse(r -> n.put("revoked", r.toString()), () -> n.putNull("revoked"));
        return n;
    }

    void audit(Context ctx) {
        long after = Query.integer(ctx, "after", 0, 0, Integer.MAX_VALUE);
        int limit = Query.integer(ctx, "limit", 100, 1, 1000);
        var a = Json.array();
        var rows = c.store().accessLog().list(after, limit);
        rows.forEach(r -> a.addObject().put("id", r.id()).put("at", r.at().toString()).put("who", r.who()).put("role", r.role())
                .put("address", r.address()).put("method", r.method()).put("path", r.path()).put("status", r.status()).put("what", r.what()));
        var n = Json.object();
        n.set("entries", a);
        if (rows.size() == limit) n.put("next", rows.getLast().id());
        else n.putNull("next");
        Json.reply(ctx, 200, n);
    }
}
