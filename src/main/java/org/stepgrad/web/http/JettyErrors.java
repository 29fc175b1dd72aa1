package org.stepgrad.web.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (an address that cannot be decoded, a request line too long, a body that
 * trickles in too slowly) in the app's words and headers instead of Jetty's iso-8859-1 page.
 * One instance serves the server, and {@link ForContext} the servlet context, so an error from
 * either layer looks the same.
 */
public final class JettyErrors extends ErrorHandler {
    private final Errors errors;

    public JettyErrors(Errors errors) {
        this.errors = errors;
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                                                 List<Charset> charsets, int code, String message, Throwable cause) {
        answer(errors, request, response, callback, code);
        return true;
    }

    /** Errors found while parsing the request, before there is one (431, 414, a bad request line). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        Errors.Body body = errors.body(null, status, Errors.sentence(status, null, null), 0, 0);
        fields.put(HttpHeader.CONTENT_TYPE, body.contentType());
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        Headers.each("/", fields::put);
        return ByteBuffer.wrap(body.bytes());
    }

    static void answer(Errors errors, Request request, Response response, Callback callback, int code) {
        String path = pathOf(request);
        Errors.Body body = errors.body(path, code, Errors.sentence(code, path, request.getMethod()), 0, 0);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, body.contentType());
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        headers.put(HttpHeader.CONTENT_LENGTH, body.bytes().length);
        Headers.each(path == null ? "/" : path, headers::put);
        response.write(true, ByteBuffer.wrap(body.bytes()), callback);
    }

    /** The raw path, when the request got far enough to have one that can be shown. */
    private static String pathOf(Request request) {
        try {
            String path = request.getHttpURI().getPath();
            return path == null || path.isEmpty() ? null : path;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The same answers for errors raised inside the servlet context. */
    public static final class ForContext extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
        private final Errors errors;

        public ForContext(Errors errors) {
            this.errors = errors;
        }

        @Override
        protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                                                     List<Charset> charsets, int code, String message, Throwable cause) throws IOException {
            answer(errors, request, response, callback, code);
            return true;
        }
    }
}
