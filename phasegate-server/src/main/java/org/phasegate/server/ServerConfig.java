package org.phasegate.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How the server runs: the port (0: any free one), the address to bind, whether anonymous readers see public records,
 * TLS (a PKCS#12 keystore and its password; without it, plain HTTP, for loopback or behind a TLS-terminating reverse
 * proxy, see docs/server.md), the largest request body, and how long a session lasts idle and in all.
 */
public record ServerConfig(int port, String host, boolean anonymousRead, Optional<Tls> tls, long maxBodyBytes, Duration sessionIdle,
                           Duration sessionLifetime) {
    public record Tls(Path keystore, String password) {
    }

    public static final long DEFAULT_MAX_BODY = 1 << 20;

    public ServerConfig {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
        if (maxBodyBytes < 1024) throw new IllegalArgumentException("the body limit must be at least 1024 bytes");
    }

    public static ServerConfig of(int port, String host, boolean anonymousRead) {
        return new ServerConfig(port, host, anonymousRead, Optional.empty(), DEFAULT_MAX_BODY, Duration.ofMinutes(30), Duration.ofHours(12));
    }

    public ServerConfig withTls(Tls tls) {
        return new ServerConfig(port, host, anonymousRead, Optional.of(tls), maxBodyBytes, sessionIdle, sessionLifetime);
    }
}
