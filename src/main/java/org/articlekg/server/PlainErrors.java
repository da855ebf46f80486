package org.articlekg.server;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error responses, for requests refused before any filter or servlet sees them: a
 * body past {@code --max-body} (413), a request line or headers past {@code --max-url} (414,
 * 431), a request Jetty cannot parse (400). They are plain text that says what was refused and
 * what to do instead, with {@code nosniff}, as every other response of the server; Jetty's
 * default was an HTML page naming a made-up URI ({@code /badMessage}), without {@code nosniff}.
 */
final class PlainErrors extends ErrorHandler {
    private final ServerSettings settings;

    PlainErrors(ServerSettings settings) {
        this.settings = settings;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        return super.handle(request, response, callback);
    }

    /** Plain text, whichever type the client asked for first: an error has no other form here. */
    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                                                 List<Charset> charsets, int code, String message, Throwable cause)
            throws java.io.IOException {
        return super.generateAcceptableResponse(request, response, callback, "text/plain", List.of(StandardCharsets.UTF_8),
                code, message, cause);
    }

    @Override
    protected void writeErrorPlain(Request request, PrintWriter writer, int code, String message, Throwable cause) {
        writer.write("Error " + code + ": " + explain(code, message) + "\n");
    }

    /** What a refusal means for the client, with the limit it passed and what to do. */
    String explain(int code, String message) {
        return switch (code) {
            case 413 -> ServerSettings.bodyTooLarge(settings.maxBodyBytes());
            case 414 -> "URI too long: this server takes at most " + settings.maxUrlBytes() + " bytes of request line and headers;"
                    + " send a long query in a POST body (Content-Type application/sparql-query, or a form with query=)";
            case 431 -> "Request headers too large: this server takes at most " + settings.maxUrlBytes()
                    + " bytes of request line and headers";
            default -> message == null ? "the request could not be read" : message;
        };
    }
}
