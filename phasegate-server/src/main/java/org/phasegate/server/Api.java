package org.phasegate.server;

import static org.phasegate.server.ApiRole.ADMIN;
import static org.phasegate.server.ApiRole.ANALYST;
import static org.phasegate.server.ApiRole.ANYONE;
import static org.phasegate.server.ApiRole.BOARD;
import static org.phasegate.server.ApiRole.MONITOR;
import static org.phasegate.server.ApiRole.SIGNED_IN;
import static org.phasegate.server.Route.delete;
import static org.phasegate.server.Route.get;
import static org.phasegate.server.Route.post;

import java.util.List;
import java.util.Set;

/**
 * The route table: every route of {@code /api/v1} with who may call it. The server registers exactly these (with
 * their access entries), the gatekeeper enforces them, the OpenAPI description is generated from them, and a test
 * checks every registered route against every role.
 */
final class Api {
    private static final Set<ApiRole> RESTRICTED = ApiRole.RESTRICTED_READERS;
    private static final Set<ApiRole> MODELLERS = ApiRole.of(ADMIN, BOARD, ANALYST);
    private static final Set<ApiRole> ADMINS = ApiRole.of(ADMIN);

    private Api() {
    }

    static List<Route> routes(ApiContext c) {
        var auth = new AuthRoutes(c);
        var sc = new ScenarioRoutes(c);
        var st = new StatusRoutes(c);
        var rec = new RecordRoutes(c);
        var led = new LedgerRoutes(c);
        var model = new ModelRoutes(c);
        var admin = new AdminRoutes(c);
        var data = new DataRoutes(c);
        var imports = new ImportRoutes(c);
        var geo = new GeoRoutes(c);
        var series = new SeriesRoutes(c);
        var timeline = new TimelineRoutes(c);
        var page = new ForecastPageRoutes(c);
        var issues = new IssueRoutes(c);
        String b = Server.BASE;
        var all = new java.util.ArrayList<Route>();
        var description = new java.util.concurrent.atomic.AtomicReference<String>();
        all.add(get(b + "/openapi.json", new Access(ANYONE, "The API's OpenAPI 3.1 description"),
                ctx -> Json.reply(ctx, 200, description.updateAndGet(d -> d != null ? d : Json.write(OpenApi.describe(all))))));
        all.addAll(List.of(
                get(b + "/session", new Access(ANYONE, "Who is calling"), auth::whoami),
                post(b + "/session", new Access(ANYONE, "Sign in (browser session)"), auth::signIn),
                delete(b + "/session", new Access(SIGNED_IN, "Sign out"), auth::signOut),
                get(b + "/scenarios", new Access(ANYONE, "List scenarios"), sc::list),
                get(b + "/scenarios/{id}", new Access(ANYONE, "Show a scenario"), sc::show),
                post(b + "/scenarios/validate", new Access(SIGNED_IN, "Validate a scenario upload"), sc::validate),
                get(b + "/scenarios/{id}/status", new Access(ANYONE, "Status as of a date", Access.Audit.RESTRICTED_VIEW), st::status),
                get(b + "/scenarios/{id}/gates", new Access(ANYONE, "Gates as of a date", Access.Audit.RESTRICTED_VIEW), st::gates),
                get(b + "/scenarios/{id}/gates/{gate}/why-not", new Access(ANYONE, "Why a gate is not open", Access.Audit.RESTRICTED_VIEW), st::whyNot),
                get(b + "/records", new Access(ANYONE, "List records", Access.Audit.RESTRICTED_VIEW), rec::list),
                post(b + "/records", new Access(ApiRole.of(MONITOR), "Report a record"), rec::create),
                get(b + "/records/{id}", new Access(ANYONE, "Show a record with its attestations and inclusion proof", Access.Audit.RESTRICTED_VIEW), rec::show),
                post(b + "/records/{id}/attestations", new Access(ApiRole.of(MONITOR), "Attest a record"), rec::attest),
                post(b + "/records/{id}/disputes", new Access(ApiRole.of(MONITOR, BOARD), "Dispute a record"), rec::dispute),
                post(b + "/records/{id}/adjudications", new Access(ApiRole.of(BOARD), "Adjudicate a dispute"), rec::adjudicate),
                post(b + "/records/{id}/rejections", new Access(ApiRole.of(BOARD), "Reject a record"), rec::reject),
                post(b + "/records/{id}/corrections", new Access(ApiRole.of(MONITOR), "Correct a record (a new record that supersedes it)"), rec::correct),
                post(b + "/records/{id}/disclosure", new Access(ApiRole.of(ADMIN, BOARD), "Open a record's confidential part", Access.Audit.ALWAYS), rec::disclose),
                get(b + "/exports/records/{format}", new Access(ANYONE, "Export records as CSV, GeoJSON or JSON Lines", Access.Audit.RESTRICTED_VIEW), rec::export),
                get(b + "/ledger/entries", new Access(RESTRICTED, "Ledger entries", Access.Audit.ALWAYS), led::entries),
                get(b + "/ledger/head", new Access(ANYONE, "The signed tree head"), led::head),
                get(b + "/ledger/proofs/inclusion/{id}", new Access(ANYONE, "A record's inclusion proof"), led::inclusion),
                get(b + "/ledger/proofs/consistency", new Access(ANYONE, "A consistency proof between two tree sizes"), led::consistency),
                get(b + "/ledger/verify", new Access(SIGNED_IN, "Verify the ledger"), led::verify),
                get(b + "/ledger/export", new Access(RESTRICTED, "Export the ledger as JSON Lines", Access.Audit.ALWAYS), led::export),
                post(b + "/forecasts", new Access(MODELLERS, "Run a forecast"), model::forecast),
                get(b + "/jobs/{id}", new Access(MODELLERS, "A forecast job's progress and result"), model::job),
                post(b + "/bargaining", new Access(MODELLERS, "Run the bargaining model on an issue file"), model::bargain),
                get(b + "/scenarios/{id}/forecasts", new Access(ANYONE, "The forecast page's assumption sets, runs and seed"), page::sets),
                get(b + "/scenarios/{id}/forecasts/{set}", new Access(ANYONE, "A set's default forecast from the public evidence (202 while computing)"), page::forecast),
                get(b + "/scenarios/{id}/forecasts/{set}/history", new Access(ANYONE, "How a set's forecast moved, and its scores, from a backtest (202 while computing)"), page::history),
                post(b + "/scenarios/{id}/forecasts/{set}/levers", new Access(MODELLERS, "The default forecast re-run with some levers moved"), page::levers),
                get(b + "/bargaining/issues", new Access(ANYONE, "The bundled bargaining issue files"), issues::list),
                get(b + "/bargaining/issues/{id}", new Access(ANYONE, "A bundled issue file: actors, dimensions and the model's result"), issues::show),
                get(b + "/datasets", new Access(ANYONE, "The real datasets: present or missing, and their sources"), data::list),
                get(b + "/datasets/{id}", new Access(ANYONE, "One real dataset, as published"), data::get),
                get(b + "/imports/{dataset}/row", new Access(ANYONE, "An imported row (?id=SOURCE-ID): its values, provenance and inclusion proof"), imports::row),
                get(b + "/geo/governorates", new Access(ANYONE, "Gaza's governorates (OCHA admin2) as GeoJSON"), geo::governorates),
                get(b + "/geo/zones", new Access(ANYONE, "The October 2025 IDF-held zone (the yellow line) as GeoJSON"), geo::zones),
                get(b + "/geo/imported", new Access(ANYONE, "The places imported into the store (phasegate import geojson) as GeoJSON, with their provenance (?dataset=)"),
                        geo::imported),
                get(b + "/series/acled", new Access(ANYONE, "ACLED monthly events or fatalities per governorate for a month, from the imported rows"), series::acled),
                get(b + "/scenarios/{id}/timeline", new Access(ANYONE, "Obligations, gates, history and the records behind each obligation", Access.Audit.RESTRICTED_VIEW),
                        timeline::timeline),
                get(b + "/users", new Access(ADMINS, "List users", Access.Audit.ALWAYS), admin::users),
                post(b + "/users", new Access(ADMINS, "Add a user", Access.Audit.ALWAYS), admin::addUser),
                post(b + "/users/{name}/deactivation", new Access(ADMINS, "Deactivate a user", Access.Audit.ALWAYS), admin::deactivate),
                get(b + "/organisations", new Access(SIGNED_IN, "List organisations"), admin::organisations),
                post(b + "/organisations", new Access(ADMINS, "Register an organisation", Access.Audit.ALWAYS), admin::addOrganisation),
                get(b + "/tokens", new Access(SIGNED_IN, "List API tokens (one's own; admins: all)"), admin::tokens),
                post(b + "/tokens", new Access(SIGNED_IN, "Make an API token"), admin::addToken),
                delete(b + "/tokens/{id}", new Access(SIGNED_IN, "Revoke an API token (one's own; admins: any)", Access.Audit.ALWAYS), admin::revokeToken),
                get(b + "/audit", new Access(ADMINS, "The access log", Access.Audit.ALWAYS), admin::audit)));
        return List.copyOf(all);
    }
}
