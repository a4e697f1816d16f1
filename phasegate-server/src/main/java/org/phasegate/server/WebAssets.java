package org.phasegate.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * The dashboard: the pages of the classpath folder {@code web/} at {@code /} (Overview at {@code /}), and the
 * libraries (Leaflet, uPlot) from their WebJars at {@code /webjars/...}. Nothing is fetched from elsewhere: the
 * Content-Security-Policy allows scripts, styles, images and requests from this origin only, and no inline script.
 * Pages revalidate on every load (so a new build shows at once); the WebJars' paths carry their version, so a
 * browser keeps them a year. Pages read their data only through the API, which checks the caller's role.
 */
final class WebAssets {
    /** {@code data:} images: Leaflet's stylesheet draws some controls' icons from data URIs. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Map<String, String> PAGE_HEADERS = Map.of("Cache-Control", "no-cache", "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer", "X-Frame-Options", "DENY");
    private static final Map<String, String> LIBRARY_HEADERS = Map.of("Cache-Control", "public, max-age=31536000, immutable",
            "X-Content-Type-Options", "nosniff");

    private WebAssets() {
    }

    static void install(JavalinConfig cfg) {
        cfg.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/web";
            files.location = Location.CLASSPATH;
            files.headers = PAGE_HEADERS;
        });
        cfg.staticFiles.add(files -> {
            files.hostedPath = "/webjars";
            files.directory = "/META-INF/resources/webjars";
            files.location = Location.CLASSPATH;
            files.headers = LIBRARY_HEADERS;
        });
    }
}
