package org.stepgrad.web;

import org.stepgrad.replay.Replay;
import org.stepgrad.web.json.ReplayJson;
import org.stepgrad.web.json.TraceJson;

import org.stepgrad.expr.Tracer;

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

    /** A degree-5 fit over {@code points} points: every op the course uses most, at lesson scale. */
    static String program(int points) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k <= 5; k++) s.append('k').append(k).append(" = ").append(0.1 * (k + 1)).append('\n');
        for (int i = 1; i <= points; i++) {
            double x = -1 + 2.0 * i / points;
            s.append("x_").append(i).append(" = ").append(x).append('\n');
            s.append("y_").append(i).append(" = ").append(Math.sin(3 * x)).append('\n');
            s.append("r_").append(i).append(" = k0 + k1*x_").append(i);
            for (int k = 2; k <= 5; k++) s.append(" + k").append(k).append("*x_").append(i).append('^').append(k);
            s.append(" - y_").append(i).append('\n');
        }
        s.append("loss = tanh(r_1)^2");
        for (int i = 2; i <= points; i++) s.append(" + sigmoid(r_").append(i).append(")^2");
        return s.append('\n').toString();
    }
}
