package org.phasegate.server;

import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * An answer written to the client as it is produced (UTF-8 text through a 64 KiB buffer), never held whole in memory.
 * A failure before any byte was sent is answered as usual (problem+json); after bytes were sent, the connection is
 * aborted, so the client sees a broken transfer (no final chunk), never a shorter file that looks complete.
 */
final class Streamed {
    static final int BUFFER = 64 * 1024;

    /** What writes the answer. */
    interface Body {
        void writeTo(Writer out) throws IOException;
    }

    private Streamed() {
    }

    static void send(Context ctx, String contentType, Body body) {
        ctx.contentType(contentType);
        try {
            var out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), BUFFER);
            body.writeTo(out);
            out.flush();
        } catch (IOException | RuntimeException e) {
            if (!ctx.res().isCommitted()) {
                ctx.res().resetBuffer();
                if (e instanceof IOException io) throw new UncheckedIOException(io);
                throw (RuntimeException) e;
            }
            ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().abort(e);
        }
    }
}
