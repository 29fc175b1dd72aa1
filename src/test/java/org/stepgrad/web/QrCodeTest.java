package org.stepgrad.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.stepgrad.support.TestServer;

/** The Share dialog's QR code: /qr.svg draws this site's own links, and nobody else's. */
class QrCodeTest {
    static final TestServer server = TestServer.start();

    @AfterAll
    static void stop() {
        server.stop();
    }

    static HttpResponse<String> qr(String url) {
        return server.get("/qr.svg?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8));
    }

    @Test
    void a_link_to_this_site_is_drawn_as_an_svg_qr_code() {
        HttpResponse<String> r = qr(server.url("/lessons/chain-rule?step=3"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
        assertTrue(r.body().startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), r.body());
        assertTrue(r.body().contains("<title>QR code of " + server.url("/lessons/chain-rule?step=3").replace("&", "&amp;") + "</title>"), r.body());
    }

    @Test
    void links_elsewhere_a_missing_link_and_one_too_long_get_a_sentence() {
        HttpResponse<String> foreign = qr("https://evil.example/lessons/chain-rule");
        assertEquals(400, foreign.statusCode());
        assertTrue(foreign.body().contains("only links to this site"), foreign.body());
        assertEquals(400, qr(server.url("") + ".evil.example/x").statusCode()); // same prefix, another host
        assertEquals(400, server.get("/qr.svg").statusCode());
        HttpResponse<String> tooLong = qr(server.url("/playground?source=" + "x".repeat(3000)));
        assertEquals(400, tooLong.statusCode());
        assertTrue(tooLong.body().contains("too long") || tooLong.body().contains("more than a QR code holds"), tooLong.body());
    }
}
