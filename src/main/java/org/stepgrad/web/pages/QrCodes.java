package org.stepgrad.web.pages;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import org.stepgrad.web.api.OembedController;
import org.stepgrad.web.http.ApiError;
import org.stepgrad.web.http.Cached;
import org.stepgrad.web.live.QrSvg;

/**
 * GET /qr.svg?url=…: a link to this site as a QR code, for the Share dialog. Only this site's own
 * links are drawn, so the route cannot be used to make codes that send people elsewhere.
 */
public final class QrCodes {
    /** Longer than any lesson link; a long playground program is refused before the encoder runs out of room. */
    private static final int MAX_URL = 2000;
    private final OembedController oembed;

    public QrCodes(OembedController oembed) {
        this.oembed = oembed;
    }

    public void qr(Context ctx) {
        String url = ctx.queryParam("url");
        if (url == null || url.isBlank()) throw new ApiError(400, "add the link to draw as ?url=…");
        String own = oembed.origin(ctx);
        if (!url.startsWith(own + "/")) throw new ApiError(400, "only links to this site (" + own + "/…) are drawn as QR codes");
        if (url.length() > MAX_URL) {
            throw new ApiError(400, "the link is " + url.length() + " characters long, more than a QR code holds well (" + MAX_URL + "); share the link itself");
        }
        String svg;
        try {
            svg = QrSvg.of(url, "QR code of " + url);
        } catch (io.nayuki.qrcodegen.DataTooLongException e) {
            throw new ApiError(400, "the link is too long for a QR code; share the link itself");
        }
        Cached.of(200, "image/svg+xml; charset=utf-8", svg.getBytes(StandardCharsets.UTF_8)).send(ctx);
    }
}
