package org.stepgrad.web.pages;

import java.util.List;

/** Programs to start the playground from: the circuits the lessons and DESIGN.md talk about. */
public final class Examples {
    /** One starting program, with a line saying what it shows. */
    public record Example(String title, String about, String source) {
    }

    public static final List<Example> ALL = List.of(
            new Example("CS231n circuit", "(x + y) · z: add passes the gradient, multiply swaps",
                    "x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z"),
            new Example("micrograd (a·b + c)·f", "Karpathy's first graph, step by step",
                    "a = 2\nb = -3\nc = 10\nf = -2\ne = a * b\nd = e + c\nL = d * f"),
            new Example("Fan-out a·a + a", "a value used three times: its gradients add up with +=",
                    "a = 3\nf = a * a + a"),
            new Example("A tanh neuron", "weighted sum, bias, activation",
                    "x1 = 2\nx2 = 0\nw1 = -3\nw2 = 1\nb = 6.8813735870195432\nn = x1*w1 + x2*w2 + b\no = tanh(n)"));

    private Examples() {
    }

    public static String first() {
        return ALL.get(0).source();
    }
}
