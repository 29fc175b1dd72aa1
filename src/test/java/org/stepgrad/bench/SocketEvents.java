package org.stepgrad.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A student's event stream on a plain blocking socket: HTTP/1.1, chunked body decoded, SSE lines
 * parsed. A blocked reader costs no CPU, so 300 of them measure the server, not the client.
 */
final class SocketEvents implements AutoCloseable {
    /** One event's step-carrying data and when its last line was read. */
    record Event(String id, String data, long receivedNanos) {
    }

    private final Socket socket;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile int status;

    SocketEvents(String url) throws IOException {
        URI uri = URI.create(url);
        socket = new Socket(uri.getHost(), uri.getPort());
        socket.setTcpNoDelay(true);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread reader = new Thread(this::read, "bench-sse");
        reader.setDaemon(true);
        reader.start();
    }

    int status() {
        return status;
    }

    Event poll(long millis) throws InterruptedException {
        return events.poll(millis, TimeUnit.MILLISECONDS);
    }

    private void read() {
        try (InputStream in = new BufferedInputStream(socket.getInputStream())) {
            String statusLine = line(in);
            status = Integer.parseInt(statusLine.split(" ")[1]);
            boolean chunked = false;
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                if (h.toLowerCase().startsWith("transfer-encoding:") && h.toLowerCase().contains("chunked")) chunked = true;
            }
            InputStream body = chunked ? new Chunked(in) : in;
            String id = null;
            String data = null;
            for (String l = line(body); l != null; l = line(body)) {
                if (l.isEmpty()) {
                    if (data != null) events.add(new Event(id, data, System.nanoTime()));
                    id = null;
                    data = null;
                } else if (l.startsWith("id:")) {
                    id = l.substring(3).strip();
                } else if (l.startsWith("data:")) {
                    data = l.substring(5).strip();
                }
            }
        } catch (IOException | RuntimeException closed) {
            // the stream ended
        }
    }

    /** One line without its CR LF, or null at the end. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(128);
        int c;
        while ((c = in.read()) >= 0 && c != '\n') if (c != '\r') buf.write(c);
        if (c < 0 && buf.size() == 0) return null;
        return buf.toString(StandardCharsets.UTF_8);
    }

    /** The body of a chunked response. */
    private static final class Chunked extends InputStream {
        private final InputStream in;
        private long left;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (left == 0) {
                String size = line(in);
                if (size != null && size.isEmpty()) size = line(in); // the CR LF after the previous chunk
                if (size == null) return -1;
                int semi = size.indexOf(';');
                left = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).strip(), 16);
                if (left == 0) return -1;
            }
            left--;
            return in.read();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
