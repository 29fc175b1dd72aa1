package org.stepgrad.web.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

/**
 * Shows the app the method the client sent and nothing else: Javalin's {@code Context.method()}
 * obeys {@code X-HTTP-Method-Override}, so that header is hidden; and HEAD is shown as GET, so
 * a HEAD answer has the GET answer's status, type, length and ETag (Jetty, which still sees
 * HEAD, sends no body).
 */
public final class MethodFilter implements Filter {
    static final String OVERRIDE = "X-HTTP-Method-Override";
    private static final String HEAD = "stepgrad.head";

    /** Whether the client asked HEAD (the app is shown GET): the body may be left unwritten. */
    public static boolean isHead(jakarta.servlet.http.HttpServletRequest request) {
        return request.getAttribute(HEAD) != null;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        boolean head = "HEAD".equals(http.getMethod());
        if (!head && http.getHeader(OVERRIDE) == null) {
            chain.doFilter(request, response);
            return;
        }
        if (head) request.setAttribute(HEAD, Boolean.TRUE);
        chain.doFilter(new HttpServletRequestWrapper(http) {
            @Override
            public String getMethod() {
                return head ? "GET" : super.getMethod();
            }

            @Override
            public String getHeader(String name) {
                return OVERRIDE.equalsIgnoreCase(name) ? null : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return OVERRIDE.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                        .filter(n -> !OVERRIDE.equalsIgnoreCase(n)).toList());
            }
        }, response);
    }
}
