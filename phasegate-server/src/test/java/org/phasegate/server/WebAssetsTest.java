package org.phasegate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The dashboard's files over HTTP: content types, caching, the Content-Security-Policy, the WebJars, nothing else. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAssetsTest {
    private static final Path WEB = Path.of("src/main/resources/web");
    final ApiFixture f = new ApiFixture();

    @AfterAll
    void close() {
        f.close();
    }

    @Test
    void pages_scripts_and_styles_come_with_their_types_the_policy_and_revalidation() {
        for (var c : List.of(new String[] {"/", "text/html"}, new String[] {"/login.html", "text/html"}, new String[] {"/js/app.js", "javascript"},
                new String[] {"/js/pages.js", "javascript"}, new String[] {"/css/app.css", "text/css"}, new String[] {"/favicon.svg", "image/svg+xml"})) {
            var r = f.send("GET", c[0], null);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).as(c[0]).hasValueSatisfying(t -> assertThat(t).contains(c[1]));
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(c[0]).hasValue(WebAssets.CSP);
            assertThat(r.headers().firstValue("Cache-Control")).as(c[0]).hasValue("no-cache");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(c[0]).hasValue("nosniff");
        }
        assertThat(f.send("GET", "/", null).body()).contains("<script type=\"module\" src=\"/js/index.js\">");
    }

    /** Every page the navigation lists (web/js/pages.js) is there, with its script. */
    @Test
    void every_page_in_the_navigation_is_served_with_its_script() throws IOException {
        var hrefs = Pattern.compile("id: '([a-z0-9-]+)', href: '([^']+)'").matcher(Files.readString(WEB.resolve("js/pages.js")));
        int pages = 0;
        while (hrefs.find()) {
            pages++;
            var page = f.send("GET", hrefs.group(2), null);
            assertThat(page.statusCode()).as(hrefs.group(2)).isEqualTo(200);
            assertThat(page.body()).as(hrefs.group(2)).contains("src=\"/js/" + hrefs.group(1) + ".js\"");
            assertThat(f.send("GET", "/js/" + hrefs.group(1) + ".js", null).statusCode()).as(hrefs.group(1)).isEqualTo(200);
        }
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void the_libraries_are_served_from_their_webjars_and_kept_a_year() {
        for (var path : List.of("/webjars/leaflet/1.9.4/dist/leaflet.js", "/webjars/leaflet/1.9.4/dist/leaflet.css",
                "/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js", "/webjars/uplot/1.6.30/dist/uPlot.esm.js", "/webjars/uplot/1.6.30/dist/uPlot.min.css")) {
            var r = f.send("GET", path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).hasSizeGreaterThan(1000);
            assertThat(r.headers().firstValue("Cache-Control")).as(path).hasValue("public, max-age=31536000, immutable");
        }
    }

    @Test
    void nothing_outside_the_web_folder_is_served() {
        for (var path : List.of("/org/phasegate/server/Server.class", "/web/index.html", "/../pom.xml", "/%2e%2e/META-INF/MANIFEST.MF",
                "/webjars/../org/phasegate/server/Api.class", "/logback.xml", "/db/migration/V1__ledger.sql", "/no-such-page.html")) {
            var r = f.send("GET", path, null);
            assertThat(r.statusCode()).as(path).isIn(400, 404);
            assertThat(r.body()).as(path).doesNotContain("package org.phasegate", "CREATE TABLE");
        }
    }

    /** The policy forbids inline scripts and styles and other origins: no page may rely on them. */
    @Test
    void no_page_has_an_inline_script_or_style_or_loads_from_another_site() throws IOException {
        var inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        var inlineStyle = Pattern.compile("<style|\\sstyle=|\\son[a-z]+=", Pattern.CASE_INSENSITIVE);
        var remote = Pattern.compile("(src|href)=\"(https?:)?//", Pattern.CASE_INSENSITIVE);
        var remoteImport = Pattern.compile("(import|from)\\s*\\(?\\s*['\"](https?:)?//");
        try (Stream<Path> files = Files.walk(WEB)) {
            var all = files.filter(Files::isRegularFile).toList();
            assertThat(all).anyMatch(p -> p.toString().endsWith(".html"));
            for (var p : all) {
                var text = Files.readString(p);
                if (p.toString().endsWith(".html")) {
                    assertThat(inlineScript.matcher(text).find()).as("inline script in %s", p).isFalse();
                    assertThat(inlineStyle.matcher(text).find()).as("inline style or handler in %s", p).isFalse();
                    assertThat(remote.matcher(text).find()).as("another site's file in %s", p).isFalse();
                }
                if (p.toString().endsWith(".js")) assertThat(remoteImport.matcher(text).find()).as("import from another site in %s", p).isFalse();
            }
        }
    }
}
