package org.stepgrad.web.http;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/** Tells a client that went away (closed the socket, timed out) from a fault of ours. */
public final class Disconnects {
    private Disconnects() {
    }

    /** True when {@code e}, or a cause, is the client hanging up or the connection timing out. */
    public static boolean isClientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.eclipse.jetty.io.EofException || t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null) {
                String m = t.getMessage().toLowerCase(Locale.ROOT);
                if (m.contains("broken pipe") || m.contains("connection reset") || m.contains("early eof")
                        || m.contains("idle timeout") || m.contains("closed")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The status for a request Jetty refused while the app read it: its own code for an HTTP
     * error (a 408 for a body below the minimum rate), 408 for a read that timed out; 0 otherwise.
     */
    public static int refusedStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.HttpException http && http.getCode() >= 400) return http.getCode();
            if (t instanceof TimeoutException) return 408;
        }
        return 0;
    }

    /** One line for the log: the innermost cause's type and message, never a stack. */
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
