package org.phasegate.server;

import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.phasegate.store.Store;

/**
 * The HTTP API: {@code /api/v1} over one store and its scenarios. Every route comes from one table ({@link Api#routes}),
 * registered here with its {@link Access} entry as metadata and its handler behind the {@link Gatekeeper}; the same
 * table gives the OpenAPI description. Start with {@link #start}, stop with {@link #close}.
 */
public final class Server implements AutoCloseable {
    public static final String BASE = "/api/v1";
    /**
     * How long an idle kept-alive connection stays open: longer than clients keep theirs pooled (the JDK's HttpClient
     * 30 s, Jetty's default here too), so a client never sends a request on a connection the server is closing that
     * instant (with equal timeouts it sometimes does, and a POST then fails without an answer).
     */
    static final Duration IDLE = Duration.ofSeconds(75);
    private final Javalin app;
    private final ServerConfig config;
    private final Jobs jobs;

    private final SubmissionQueue submissions;
    private final Computations computations;

    private Server(Javalin app, ServerConfig config, Jobs jobs, SubmissionQueue submissions, Computations computations) {
        this.app = app;
        this.config = config;
        this.jobs = jobs;
        this.computations = computations;
        this.submissions = submissions;
    }

    /** Starts serving; the port is {@link #port()} (the one asked, or a free one for 0). */
    public static Server start(Store store, ScenarioSet scenarios, ServerConfig config, Clock clock) {
        return start(store, scenarios, new Datasets(java.util.Optional.empty()), config, clock);
    }

    /** As {@link #start(Store, ScenarioSet, ServerConfig, Clock)}, serving the real datasets of a data directory too. */
    public static Server start(Store store, ScenarioSet scenarios, Datasets datasets, ServerConfig config, Clock clock) {
        var sessions = new Sessions(clock, config.sessionIdle(), config.sessionLifetime());
        var computations = new Computations();
        var gate = new Gatekeeper(config, sessions, store.tokens(), store.accessLog(), clock, computations);
        var jobs = new Jobs(clock);
        var submissions = new SubmissionQueue(store.records());
        var ctx = new ApiContext(store, scenarios, datasets, config, clock, sessions, gate, jobs, new LoginThrottle(store.users(), clock), submissions,
                computations);
        var routes = Api.routes(ctx);
        var app = Javalin.create(cfg -> {
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.http.prefer405over404 = true;
            cfg.jetty.host = config.host();
            cfg.jetty.port = config.port();
            cfg.startup.showJavalinBanner = false;
            config.tls().ifPresent(tls -> cfg.jetty.addConnector((server, http) -> tlsConnector(server, http, tls, config)));
            Problems.install(cfg);
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            WebAssets.install(cfg);
            // every body is read (up to the limit), even where no handler wants it: a body left unread would make Jetty
            // close the connection under a client about to reuse it
            cfg.routes.before(request -> request.bodyAsBytes());
            for (var r : routes) cfg.routes.addEndpoint(new Endpoint(r.method(), r.path(), gate.guard(r), Set.of(r.access())));
        });
        app.start();
        for (var connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof AbstractConnector c) c.setIdleTimeout(IDLE.toMillis());
        }
        return new Server(app, config, jobs, submissions, computations);
    }

    private static ServerConnector tlsConnector(org.eclipse.jetty.server.Server server, org.eclipse.jetty.server.HttpConfiguration http,
                                                ServerConfig.Tls tls, ServerConfig config) {
        var ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keystore().toString());
        ssl.setKeyStorePassword(tls.password());
        ssl.setKeyStoreType("PKCS12");
        var https = new org.eclipse.jetty.server.HttpConfiguration(http);
        https.addCustomizer(new SecureRequestCustomizer());
        var connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        connector.setHost(config.host());
        connector.setPort(config.port());
        return connector;
    }

    /** Routes any caller may reach even when anonymous reading is off: signing in, and the API's description. */
    static boolean alwaysOpen(String path) {
        return path.equals(BASE + "/session") || path.equals(BASE + "/openapi.json");
    }

    public int port() {
        return app.port();
    }

    public String url() {
        return (config.tls().isPresent() ? "https" : "http") + "://" + ("0.0.0.0".equals(config.host()) ? "localhost" : config.host()) + ":" + port();
    }

    /** Every HTTP route Javalin has registered (not its before/after handlers), as method and path. */
    public List<String[]> registeredRoutes() {
        var out = new ArrayList<String[]>();
        for (var p : app.unsafe.internalRouter.allHttpHandlers()) {
            if (p.endpoint.method.isHttpMethod()) out.add(new String[] {p.endpoint.method.name(), p.endpoint.path});
        }
        return out;
    }

    /** How often this server did its expensive work (status computations, token openings, forecasts). */
    Computations computations() {
        return computations;
    }

    /** The access entry Javalin holds for a registered route, or null if it has none. */
    public Access accessOf(String method, String path) {
        for (var p : app.unsafe.internalRouter.allHttpHandlers()) {
            if (p.endpoint.method.name().equals(method) && p.endpoint.path.equals(path)) return p.endpoint.metadata(Access.class);
        }
        return null;
    }

    @Override
    public void close() {
        app.stop();
        submissions.close();
        jobs.close();
    }
}
