package org.stepgrad.web;

import org.stepgrad.replay.Replay;
import org.stepgrad.web.json.ReplayJson;
import org.stepgrad.web.json.TraceJson;

import java.util.ArrayList;
import java.util.List;
import org.stepgrad.expr.Tracer;
import org.stepgrad.model.Loss;
import org.stepgrad.model.Point;
import org.stepgrad.model.PolynomialProgram;

/**
 * Runs the trace pipeline on a throwaway program at start-up, in the background, so the JIT has
 * compiled its hot paths before the first learner's request rather than during it (a cold JVM
 * answers a 15,000-node trace about three times slower than a warm one).
 */
public final class Warmup {
    private static final int ROUNDS = 40;

    private Warmup() {
    }

    /** Starts the warm-up on a low-priority daemon thread and returns at once. */
    public static void inBackground() {
        Thread thread = new Thread(Warmup::run, "stepgrad-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    static void run() {
        String program = program(200);
        for (int i = 0; i < ROUNDS; i++) {
            Tracer.Traced traced = Tracer.trace(program);
            Replay replay = new Replay(traced.trace(), traced.nodeLine());
            TraceJson.write(replay, traced.nodeLine());
            if (i % 8 == 0) ReplayJson.write(replay);
        }
    }

    /** A degree-5 fit over {@code points} points, written by the lessons' own generator, at lesson scale. */
    static String program(int points) {
        List<Point> data = new ArrayList<>(points);
        for (int i = 1; i <= points; i++) {
            double x = -1 + 2.0 * i / points;
            data.add(new Point(x, Math.sin(3 * x)));
        }
        return PolynomialProgram.write(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}, data, Loss.MEAN_SQUARED);
    }
}
