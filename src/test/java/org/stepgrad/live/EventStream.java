package org.stepgrad.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A student's SSE stream read by a real HTTP client: each event (id, name, data) lands in a
 * queue as it arrives; comment lines are counted.
 */
public final class EventStream implements AutoCloseable {
    /** One Server-Sent Event. */
    public record Event(String id, String name, String data, long receivedNanos) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile int comments;
    private volatile int status;

    private EventStream(HttpClient http, String url, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
        if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
        response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            status = r.statusCode();
            Thread reader = new Thread(() -> read(r.body()), "test-sse-reader");
            reader.setDaemon(true);
            reader.start();
        });
    }

    public static EventStream open(HttpClient http, String url) {
        return new EventStream(http, url, null);
    }

    public static EventStream open(HttpClient http, String url, String lastEventId) {
        return new EventStream(http, url, lastEventId);
    }

    private void read(Stream<String> lines) {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) events.add(new Event(id, name, data.toString(), System.nanoTime()));
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments++;
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) data.append('\n');
                    data.append(line.substring(5).strip());
                }
            }
        } catch (RuntimeException closed) {
            // the stream was closed
        }
    }

    /** The next event, or an AssertionError after {@code wait}. */
    public Event next(Duration wait) {
        try {
            Event e = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (e == null) throw new AssertionError("no event arrived within " + wait + " (status " + status() + ")");
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next event if one comes within {@code wait}, else null. */
    public Event poll(Duration wait) {
        try {
            return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public int comments() {
        return comments;
    }

    public int status() {
        try {
            return response.get(10, TimeUnit.SECONDS).statusCode();
        } catch (Exception e) {
            throw new AssertionError("the stream did not answer: " + e, e);
        }
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
