package org.stepgrad.web.http;

import io.javalin.config.JavalinConfig;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * The server under the app, set so that slow or abusive clients cost a connection, not a
 * thread: a request body is read without a thread before the app sees it, a body that trickles
 * in below {@link #MIN_REQUEST_RATE} is refused, idle connections close, and every error Jetty
 * raises itself is answered by {@link JettyErrors}.
 */
public final class Jetty {
    /** Bytes per second a request body must keep up; a phone on a bad link does far better. */
    public static final long MIN_REQUEST_RATE = 512;
    /** A connection with nothing sent or received for this long is closed. */
    public static final long IDLE_TIMEOUT_MS = 20_000;
    /** Long permalinks carry the whole program in the address. */
    public static final int HEADER_SIZE = 64 * 1024;
    /** What {@link FrontCache} may hold: every lesson at every step of a lecture, many times over. */
    static final long FRONT_BYTES = 32L << 20;

    private Jetty() {
    }

    public static void configure(JavalinConfig config, Errors errors, long maxBody) {
        config.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(HEADER_SIZE);
            http.setIdleTimeout(IDLE_TIMEOUT_MS);
            http.setSendServerVersion(false);
        });
        config.jetty.modifyServer(server -> {
            // Javalin puts its servlet context inside this: the whole body arrives, without a thread, first
            // a body below the minimum rate fails while it is still being gathered, not only once the app reads it
            // outermost, the pages already rendered: sent again without the layers below
            server.setHandler(new FrontCache(new MinimumDataRateHandler(
                    new EagerContentHandler(new EagerContentHandler.RetainedContentLoaderFactory(maxBody, -1, false)),
                    MIN_REQUEST_RATE, 0), FRONT_BYTES));
            server.setErrorHandler(new JettyErrors(errors));
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(LifeCycle event) {
                    for (Connector connector : ((Server) event).getConnectors()) {
                        if (connector instanceof AbstractConnector c) c.setIdleTimeout(IDLE_TIMEOUT_MS);
                    }
                }
            });
        });
        config.jetty.modifyServletContextHandler(context -> {
            context.setErrorHandler(new JettyErrors.ForContext(errors));
            context.addFilter(new FilterHolder(new MethodFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        });
        config.router.javaLangErrorHandler((response, error) -> {
            org.slf4j.LoggerFactory.getLogger(Jetty.class).error("the server ran out of something it needs", error);
            if (response.isCommitted()) return;
            Errors.Body body = errors.body(null, 500, Errors.sentence(500, null, null), 0, 0);
            response.reset();
            response.setStatus(500);
            response.setContentType(body.contentType());
            response.setHeader("Cache-Control", "no-store");
            Headers.each("/", response::setHeader);
            try {
                response.getOutputStream().write(body.bytes());
            } catch (java.io.IOException e) {
                // the client is gone; nothing left to tell it
            }
        });
    }
}
