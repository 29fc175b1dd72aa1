package org.stepgrad.web.http;

import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The pages a class asks for again and again (a lesson at a step, the index, the fingerprinted
 * assets), sent again from Jetty's core by the address they were first asked at, before the
 * servlet layer, Javalin's router and the page's own cache key are built for them. Those cost
 * about four times what sending the bytes does (measured with {@code bench/serving.sh}).
 *
 * <p>A page joins when its controller calls {@link #keep} with the finished answer and a test of
 * whether that answer still holds (for a lesson page: the lessons it was rendered from are still
 * the ones loaded). The key is everything such an answer depends on: the scheme and Host header it
 * was asked with (the page's links are absolute) and the path and query exactly as sent; the
 * answer itself then picks the encoding and the 304 from the request's headers, as the app would.
 * Anything else (another method, a request with a body, an address not kept, a kept answer no
 * longer current) goes on to the app unchanged.
 */
public final class FrontCache extends Handler.Wrapper {
    /** The request attribute through which the app hands a page to this cache. */
    private static final String SLOT = FrontCache.class.getName();
    /** Larger answers are rare to repeat and are sent by the app without holding a thread anyway. */
    static final int MAX_BODY = 1 << 20;

    /** What a kept answer may depend on. */
    private record Target(String scheme, String host, String pathQuery) {
    }

    private record Kept(Cached answer, BooleanSupplier current) {
    }

    /** Handed to the app with a request this cache could not answer: the app may leave its answer here. */
    private record Slot(FrontCache front, Target target) {
    }

    private final ByteCache<Target, Kept> kept;

    public FrontCache(Handler app, long maxBytes) {
        super(app);
        this.kept = ByteCache.of(maxBytes, (t, k) -> 2L * (t.host().length() + t.pathQuery().length())
                + 2L * k.answer().body().length); // the body and its gzip form, at most
    }

    /**
     * Keeps {@code answer} for the address {@code ctx} was asked at, while {@code current} holds;
     * does nothing for a request that did not come through a front cache, or for an answer that is
     * not a 200 or is too large to be worth it.
     */
    public static void keep(Context ctx, Cached answer, BooleanSupplier current) {
        if (answer.status() == 200 && answer.body().length <= MAX_BODY
                && ctx.req().getAttribute(SLOT) instanceof Slot slot) {
            slot.front().kept.put(slot.target(), new Kept(answer, current));
        }
    }

    /** {@link #keep}s the answer, then sends it. */
    public static void send(Context ctx, Cached answer, BooleanSupplier current) {
        keep(ctx, answer, current);
        answer.send(ctx);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        boolean head = HttpMethod.HEAD.is(method);
        if (!(head || HttpMethod.GET.is(method)) || hasBody(request)) return super.handle(request, response, callback);
        HttpFields headers = request.getHeaders();
        Target target = new Target(request.getHttpURI().getScheme(), headers.get(HttpHeader.HOST),
                request.getHttpURI().getPathQuery());
        if (target.host() == null || target.pathQuery() == null) return super.handle(request, response, callback);
        Kept k = kept.peek(target);
        if (k == null || !k.current().getAsBoolean()) {
            request.setAttribute(SLOT, new Slot(this, target));
            return super.handle(request, response, callback);
        }
        send(k.answer(), request, response, callback, head);
        return true;
    }

    private static boolean hasBody(Request request) {
        long length = request.getLength();
        return length > 0 || (length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING));
    }

    private static void send(Cached answer, Request request, Response response, Callback callback, boolean head) {
        HttpFields.Mutable out = response.getHeaders();
        // first, where the app's answers have it, and spelled as the servlet layer spells it
        org.eclipse.jetty.http.MimeTypes.Type known = org.eclipse.jetty.http.MimeTypes.CACHE.get(answer.contentType());
        out.put(HttpHeader.CONTENT_TYPE, known == null ? answer.contentType() : known.asString());
        Headers.each(request.getHttpURI().getPath(), out::put);
        HttpFields in = request.getHeaders();
        ByteBuffer[] body = {null};
        answer.answer(in.get(HttpHeader.ACCEPT_ENCODING), in.get(HttpHeader.IF_NONE_MATCH), new Cached.Out() {
            @Override
            public void status(int status) {
                response.setStatus(status);
            }

            @Override
            public void header(String name, String value) {
                if (!name.equals("Content-Type")) out.put(new HttpField(name, value)); // set above
            }

            @Override
            public void body(byte[] bytes) {
                // a HEAD answer keeps its Content-Length and sends no body; the cached bytes are sent, not a copy
                body[0] = head ? null : ByteBuffer.wrap(bytes).asReadOnlyBuffer();
            }
        });
        response.write(true, body[0], callback);
    }
}
