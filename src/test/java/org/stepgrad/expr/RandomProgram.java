package org.stepgrad.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded random program over the whole op set, kept inside every op's domain, with its own
 * reference answers: values and gradients computed by forward-mode dual numbers over the
 * generator's own tree. It shares no code with the engine or the parser, so it is an
 * independent check of both (the text is rendered with the fewest parentheses the grammar
 * allows, so precedence and associativity are checked too).
 */
public final class RandomProgram {
    /** The generator's own op set; deliberately not org.stepgrad.engine.Op. */
    enum K { ADD, SUB, MUL, DIV, POW, NEG, EXP, LOG, TANH, SIGMOID, RELU }

    sealed interface E permits Const, Ref, Un, Bin {
    }

    record Const(double value, String text) implements E {
    }

    record Ref(int line) implements E {
    }

    record Un(K op, E a) implements E {
    }

    record Bin(K op, E a, E b) implements E {
    }

    private static final String[] CONSTS = {"0.5", "1.5", "2", "3", "0.25", "1.25", "0.1", "0.75", "4", "-0.5", "-2", "1e-1", "2.5E0"};
    private static final K[] ALL = K.values();

    private final List<String> names = new ArrayList<>();
    /** Null for an input line. */
    private final List<E> exprs = new ArrayList<>();
    private final List<Double> inputValues = new ArrayList<>();
    private final List<String> inputTexts = new ArrayList<>();
    private final Random random;
    private final StringBuilder source = new StringBuilder();
    private double[] values;
    private double[] grads;

    private RandomProgram(Random random) {
        this.random = random;
    }

    /**
     * The program for one seed. Candidates whose reference values leave a sane range (over 1e6,
     * a slope over 1e8, a denominator or log argument near 0) are redrawn from the same stream,
     * so the seed still fixes the program.
     */
    public static RandomProgram of(long seed) {
        Random random = new Random(seed);
        while (true) {
            RandomProgram p = new RandomProgram(random);
            p.generate();
            if (p.evaluate()) return p;
        }
    }

    public String source() { return source.toString(); }

    /** |expected - actual| <= 1e-9 · max(|expected|, |actual|); exact zeros must match exactly. */
    public static void assertRelative(double expected, double actual, String what) {
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        org.junit.jupiter.api.Assertions.assertTrue(Math.abs(expected - actual) <= 1e-9 * scale, () -> what + "\nexpected " + expected + " but was " + actual);
    }

    public List<String> names() { return List.copyOf(names); }

    public double value(int line) { return values[line]; }

    public double grad(int line) { return grads[line]; }

    private void generate() {
        int inputs = 1 + random.nextInt(4);
        for (int i = 0; i < inputs; i++) {
            double v = Math.round((random.nextDouble() * 4 - 2) * 1000) / 1000.0;
            String text = (v < 0 ? "-" : "") + String.format(java.util.Locale.ROOT, "%.3f", Math.abs(v));
            names.add("x" + i);
            exprs.add(null);
            inputValues.add(Double.parseDouble(text));
            inputTexts.add(text);
        }
        int computed = 2 + random.nextInt(7);
        String[] prefixes = {"v", "h", "t_", "node"};
        for (int i = 0; i < computed; i++) {
            E e;
            do {
                e = op(1 + random.nextInt(3));
            } while (e instanceof Un u && u.op == K.NEG && u.a instanceof Const); // "-2" would declare an input
            names.add(prefixes[random.nextInt(prefixes.length)] + (inputs + i));
            exprs.add(e);
            inputValues.add(null);
            inputTexts.add(null);
        }
        for (int i = 0; i < names.size(); i++) {
            // comments, blank lines and stray spaces are part of the language too
            if (random.nextInt(6) == 0) source.append("# line ").append(i + 1).append('\n');
            if (random.nextInt(8) == 0) source.append('\n');
            source.append(names.get(i)).append(random.nextBoolean() ? " = " : "=");
            source.append(exprs.get(i) == null ? inputTexts.get(i) : render(exprs.get(i)));
            source.append(random.nextInt(5) == 0 ? "  # note\n" : "\n");
        }
    }

    private E any(int depth) {
        if (depth <= 0 || random.nextInt(10) < 3) return leaf();
        return op(depth);
    }

    private E leaf() {
        if (random.nextInt(10) < 7) return new Ref(random.nextInt(names.size()));
        String text = CONSTS[random.nextInt(CONSTS.length)];
        return new Const(Double.parseDouble(text), text);
    }

    private E op(int depth) {
        K k = ALL[random.nextInt(ALL.length)];
        return switch (k) {
            case ADD, SUB, MUL -> new Bin(k, any(depth - 1), any(depth - 1));
            case DIV -> new Bin(k, any(depth - 1), random.nextBoolean() ? positive(depth - 1) : new Un(K.NEG, positive(depth - 1)));
            case POW -> random.nextBoolean()
                    ? new Bin(k, any(depth - 1), random.nextBoolean() ? new Const(2, "2") : new Const(3, "3"))
                    : new Bin(k, positive(depth - 1), any(depth - 1));
            case LOG -> new Un(k, positive(depth - 1));
            default -> new Un(k, any(depth - 1));
        };
    }

    /** An expression that is positive wherever it is defined: e^2 + c, exp(e), sigmoid(e). */
    private E positive(int depth) {
        return switch (random.nextInt(3)) {
            case 0 -> new Bin(K.ADD, new Bin(K.POW, any(depth), new Const(2, "2")), new Const(0.5, "0.5"));
            case 1 -> new Un(K.EXP, any(depth));
            default -> new Un(K.SIGMOID, any(depth));
        };
    }

    // ---- rendering with the fewest parentheses the grammar allows ----

    /** 1 sum, 2 product, 3 unary minus, 4 power, 5 call or primary. */
    private static int level(E e) {
        if (e instanceof Bin b) {
            return switch (b.op) {
                case ADD, SUB -> 1;
                case MUL, DIV -> 2;
                default -> 4;
            };
        }
        if (e instanceof Un u) return u.op == K.NEG ? 3 : 5;
        if (e instanceof Const c) return c.text.startsWith("-") ? 3 : 5; // "-2" reads as a unary minus
        return 5;
    }

    private String render(E e) {
        String text = bare(e);
        // now and then a redundant pair of parentheses, which must change nothing
        return random.nextInt(12) == 0 ? "(" + text + ")" : text;
    }

    private String bare(E e) {
        if (e instanceof Const c) return c.text;
        if (e instanceof Ref r) return names.get(r.line);
        if (e instanceof Un u) {
            if (u.op == K.NEG) return "-" + wrap(u.a, level(u.a) < 3);
            return u.op.name().toLowerCase() + "(" + render(u.a) + ")";
        }
        Bin b = (Bin) e;
        if (b.op == K.POW) return wrap(b.a, level(b.a) < 5) + "^" + wrap(b.b, level(b.b) < 3);
        int own = level(b);
        String sign = switch (b.op) {
            case ADD -> " + ";
            case SUB -> " - ";
            case MUL -> random.nextBoolean() ? "*" : " * ";
            default -> " / ";
        };
        // left-associative: the right operand needs parentheses at its own level too
        return wrap(b.a, level(b.a) < own) + sign + wrap(b.b, level(b.b) <= own);
    }

    private String wrap(E e, boolean needed) {
        return needed ? "(" + bare(e) + ")" : render(e);
    }

    // ---- the reference: forward-mode dual numbers ----

    /** A value with its derivative along one seeded direction. */
    private record Dual(double v, double d) {
    }

    private boolean evaluate() {
        int n = names.size();
        values = new double[n];
        grads = new double[n];
        for (int line = 0; line < n; line++) {
            Dual r = exprs.get(line) == null ? new Dual(inputValues.get(line), 0) : eval(exprs.get(line), values, null, -1);
            if (r == null || !sane(r.v, 1e6)) return false;
            values[line] = r.v;
        }
        // ∂out/∂(line j): seed line j with 1, hold every earlier line fixed, push forward to the output
        for (int seed = 0; seed < n; seed++) {
            double[] d = new double[n];
            d[seed] = 1;
            for (int line = seed + 1; line < n; line++) {
                d[line] = exprs.get(line) == null ? 0 : eval(exprs.get(line), values, d, seed).d;
            }
            if (!sane(d[n - 1], 1e8)) return false;
            grads[seed] = d[n - 1];
        }
        return true;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static boolean sane(double x, double bound) {
        return Double.isFinite(x) && Math.abs(x) <= bound;
    }

    /** Null when an operand sits at the edge of a domain (a denominator, log argument or relu input near 0). */
    private Dual eval(E e, double[] vals, double[] ds, int seed) {
        if (e instanceof Const c) return new Dual(c.value, 0);
        if (e instanceof Ref r) return new Dual(vals[r.line], ds == null ? 0 : ds[r.line]);
        if (e instanceof Un u) {
            Dual a = eval(u.a, vals, ds, seed);
            if (a == null) return null;
            double x = a.v;
            return switch (u.op) {
                case NEG -> new Dual(-x, -a.d);
                case EXP -> new Dual(Math.exp(x), Math.exp(x) * a.d);
                case LOG -> x < 1e-6 ? null : new Dual(Math.log(x), a.d / x);
                case TANH -> {
                    // tanh' = sech² = 4/(eˣ + e⁻ˣ)², which keeps its digits where 1 - tanh² cancels
                    double sum = Math.exp(x) + Math.exp(-x);
                    yield new Dual(Math.tanh(x), 4 / (sum * sum) * a.d);
                }
                case SIGMOID -> {
                    // σ' = σ(x)·σ(-x), again without the cancellation in 1 - σ
                    yield new Dual(sigmoid(x), sigmoid(x) * sigmoid(-x) * a.d);
                }
                case RELU -> Math.abs(x) < 1e-9 ? null : new Dual(x > 0 ? x : 0, x > 0 ? a.d : 0);
                default -> throw new IllegalStateException(u.op.name());
            };
        }
        Bin b = (Bin) e;
        Dual a = eval(b.a, vals, ds, seed);
        Dual c = eval(b.b, vals, ds, seed);
        if (a == null || c == null) return null;
        double x = a.v, y = c.v;
        return switch (b.op) {
            case ADD -> new Dual(x + y, a.d + c.d);
            case SUB -> new Dual(x - y, a.d - c.d);
            case MUL -> new Dual(x * y, a.d * y + x * c.d);
            case DIV -> Math.abs(y) < 1e-3 ? null : new Dual(x / y, (a.d * y - x * c.d) / (y * y));
            case POW -> {
                if (x <= 0 && !(b.b instanceof Const)) yield null;
                if (x == 0) yield null;
                double p = Math.pow(x, y);
                double dBase = y * Math.pow(x, y - 1);
                double dExp = x > 0 ? p * Math.log(x) : 0;
                yield new Dual(p, dBase * a.d + dExp * c.d);
            }
            default -> throw new IllegalStateException(b.op.name());
        };
    }
}
