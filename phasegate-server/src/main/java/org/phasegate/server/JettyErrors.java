package org.phasegate.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to a request it refuses before any route sees it (a malformed request line or header, a path with
 * a bad %-escape or a NUL, headers too large): problem+json like every other refusal, and {@code Connection: close},
 * because Jetty closes the connection after such a request. Without that header a client pools the connection,
 * sends its next request on it and gets no answer at all (the JDK's client: "header parser received no bytes").
 */
final class JettyErrors extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.TYPE);
        response.write(true, ByteBuffer.wrap(body(code).getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** Refusals while parsing the request: Jetty sends Connection: close with these itself. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problems.TYPE);
        return ByteBuffer.wrap(body(status).getBytes(StandardCharsets.UTF_8));
    }

    private static String body(int status) {
        var n = Json.object().put("type", "about:blank").put("title", HttpStatus.getMessage(status).toLowerCase()).put("status", status)
                .put("detail", "the server could not read this request (a malformed request line or header, a path with a bad %-escape or a NUL,"
                        + " or headers that are too large); fix the request and send it on a new connection");
        return Json.write(n);
    }
}
