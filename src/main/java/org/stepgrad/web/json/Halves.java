package org.stepgrad.web.json;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.stepgrad.engine.Step;
import org.stepgrad.engine.Trace;

/**
 * Writes the later half of a large trace's steps on a second core. The thread that asked takes
 * the half back and writes it itself when no helper has started it by the time its own half is
 * done, so a busy server, where every core already answers its own request, never waits for one.
 */
final class Halves {
    /** About what the JSON spends on a node, a step and a contribution, in bytes (measured on a 600-point fit). */
    private static final int NODE = 128;
    private static final int STEP = 120;
    private static final int CONTRIBUTION = 250;
    /** Below this many bytes one core writes faster than two can share. */
    private static final long SPLIT_FROM = 256 * 1024;

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final ExecutorService HELPERS = CORES < 2 ? null : Executors.newFixedThreadPool(CORES - 1, work -> {
        Thread thread = new Thread(work, "trace-json");
        thread.setDaemon(true); // nothing it holds outlives the request that asked
        return thread;
    });

    private Halves() {
    }

    /**
     * Where the later half of the steps begins, so that the nodes and the steps before it are
     * about as many bytes as the steps from it on; the number of steps when one writer is faster.
     */
    static int split(Trace trace) {
        int steps = trace.steps().size();
        long total = (long) NODE * trace.nodes().size();
        for (Step step : trace.steps()) total += weight(step);
        if (total < SPLIT_FROM) return steps; // where the halves meet shapes the digest: it never depends on the cores
        long first = (long) NODE * trace.nodes().size();
        for (int i = 0; i < steps; i++) {
            if (2 * first >= total) return i;
            first += weight(trace.steps().get(i));
        }
        return steps;
    }

    private static long weight(Step step) {
        return STEP + (long) CONTRIBUTION * step.contributions().size();
    }

    /** Hands {@code work} to a helper core; {@link #join} gives its result. */
    static <T> FutureTask<T> start(Supplier<T> work) {
        FutureTask<T> task = new FutureTask<>(work::get);
        if (HELPERS != null) HELPERS.execute(task); // with one core, join runs it
        return task;
    }

    /** The result of {@code task}, run here and now if no helper has begun it. */
    static <T> T join(FutureTask<T> task) {
        task.run(); // does nothing when a helper runs it already or has finished it
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the half is being written: wait for it, then say so
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
