package org.phasegate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.phasegate.store.Fixtures;

/** Under TLS (a PKCS#12 keystore made here by the JDK's keytool) the server speaks HTTPS and its session cookie is Secure. */
class TlsTest {
    @TempDir Path dir;

    @Test
    void https_with_a_secure_session_cookie() throws Exception {
        var keystore = dir.resolve("server.p12");
        var keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        var p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "test-pass",
                "-keypass", "test-pass").redirectErrorStream(true).start();
        assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes())).isZero();
        var trust = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(keystore.toFile())) {
            trust.load(in, "test-pass".toCharArray());
        }
        var tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        var ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        try (var store = Fixtures.storeWithCast();
             var server = Server.start(store, ScenarioSet.load(List.of(ApiFixture.SCENARIO)),
                     ServerConfig.of(0, "127.0.0.1", true).withTls(new ServerConfig.Tls(keystore, "test-pass")), Fixtures.CLOCK)) {
            assertThat(server.url()).startsWith("https://");
            var http = HttpClient.newBuilder().sslContext(ssl).build();
            var r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/session")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"ana\",\"password\":\"" + Fixtures.PASSWORD + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure", "HttpOnly", "SameSite=Strict");
        }
    }
}
