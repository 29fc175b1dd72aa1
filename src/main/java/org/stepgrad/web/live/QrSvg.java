package org.stepgrad.web.live;

import io.nayuki.qrcodegen.QrCode;

/** A join link as a QR code, drawn by Nayuki's qrcodegen and written as one SVG path of dark modules. */
public final class QrSvg {
    private static final int BORDER = 4; // the quiet zone the standard asks for

    private QrSvg() {
    }

    static String of(String text) {
        return of(text, "QR code of the join link");
    }

    /** Throws {@link io.nayuki.qrcodegen.DataTooLongException} for a text beyond a QR code's capacity. */
    public static String of(String text, String title) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + 2 * BORDER;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" shape-rendering=\"crispEdges\">"
                + "<title>" + title.replace("&", "&amp;").replace("<", "&lt;") + "</title><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }
}
