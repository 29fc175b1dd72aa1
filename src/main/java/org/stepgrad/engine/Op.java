package org.stepgrad.engine;

/**
 * Every operation a node can perform: its forward rule sits beside its local derivatives,
 * so the two can never drift apart.
 */
public enum Op {
    INPUT("input", 0, "",
            "") {
        double forward(double[] a) { throw new UnsupportedOperationException("a leaf has no rule"); }
        double[] local(double[] a, double out) { return new double[0]; }
    },
    CONST("const", 0, "",
            "") {
        double forward(double[] a) { throw new UnsupportedOperationException("a leaf has no rule"); }
        double[] local(double[] a, double out) { return new double[0]; }
    },
    ADD("add", 2, "+",
            "Add passes the gradient to both inputs unchanged (local slope 1).") {
        double forward(double[] a) { return a[0] + a[1]; }
        double[] local(double[] a, double out) { return new double[] {1, 1}; }
    },
    SUB("sub", 2, "-",
            "Subtract passes the gradient to the left input and its negative to the right.") {
        double forward(double[] a) { return a[0] - a[1]; }
        double[] local(double[] a, double out) { return new double[] {1, -1}; }
    },
    MUL("mul", 2, "*",
            "Multiply swaps: each input's local slope is the other input.") {
        double forward(double[] a) { return a[0] * a[1]; }
        // multiply swaps: each input's slope is the other input
        double[] local(double[] a, double out) { return new double[] {a[1], a[0]}; }
    },
    DIV("div", 2, "/",
            "Divide: ∂(a/b)/∂a = 1/b and ∂(a/b)/∂b = -a/b².") {
        double forward(double[] a) { return a[0] / a[1]; }
        double[] local(double[] a, double out) { return new double[] {1 / a[1], -a[0] / (a[1] * a[1])}; }
    },
    NEG("neg", 1, "-",
            "Negate flips the sign of the gradient.") {
        double forward(double[] a) { return -a[0]; }
        double[] local(double[] a, double out) { return new double[] {-1}; }
    },
    POW("pow", 2, "^",
            "Power: ∂(a^b)/∂a = b·a^(b-1) and ∂(a^b)/∂b = a^b·ln a.") {
        double forward(double[] a) { return Math.pow(a[0], a[1]); }
        double[] local(double[] a, double out) {
            double base = a[0], exp = a[1];
            // exp == 0 would give 0 * base^-1, which is NaN at base 0; the true slope is 0
            double dBase = exp == 0 ? 0 : exp * Math.pow(base, exp - 1);
            // a^b·ln a is only defined for a > 0; DESIGN.md fixes it at 0 elsewhere
            double dExp = base > 0 ? out * Math.log(base) : 0;
            return new double[] {dBase, dExp};
        }
    },
    EXP("exp", 1, "exp",
            "exp is its own slope: ∂exp(a)/∂a = exp(a).") {
        double forward(double[] a) { return Math.exp(a[0]); }
        double[] local(double[] a, double out) { return new double[] {out}; }
    },
    LOG("log", 1, "log",
            "log: ∂log(a)/∂a = 1/a.") {
        double forward(double[] a) { return Math.log(a[0]); }
        double[] local(double[] a, double out) { return new double[] {1 / a[0]}; }
    },
    TANH("tanh", 1, "tanh",
            "tanh: ∂tanh(a)/∂a = 1 - tanh(a)².") {
        double forward(double[] a) { return Math.tanh(a[0]); }
        // 1 - tanh² is the same number, but loses its digits to cancellation once tanh is near ±1
        double[] local(double[] a, double out) {
            double c = Math.cosh(a[0]);
            return new double[] {1 / (c * c)};
        }
    },
    SIGMOID("sigmoid", 1, "sigmoid",
            "sigmoid: ∂σ(a)/∂a = σ(a)·(1 - σ(a)).") {
        // written so that large |x| never overflows exp
        double forward(double[] a) {
            double x = a[0];
            return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
        }
        // σ(1-σ) written as e/(1+e)² with e = exp(-|x|): no cancellation in 1-σ when σ is near 1
        double[] local(double[] a, double out) {
            double e = Math.exp(-Math.abs(a[0]));
            return new double[] {e / ((1 + e) * (1 + e))};
        }
    },
    RELU("relu", 1, "relu",
            "relu passes the gradient where its input is positive and blocks it elsewhere.") {
        double forward(double[] a) { return a[0] > 0 ? a[0] : 0; }
        // at exactly 0 we take the slope from the left, as PyTorch and micrograd do
        double[] local(double[] a, double out) { return new double[] {a[0] > 0 ? 1 : 0}; }
    };

    private final String id;
    private final int arity;
    private final String symbol;
    private final String rule;

    /** @param rule the local derivative in a sentence, read when the backward pass reaches a node of this op */
    Op(String id, int arity, String symbol, String rule) {
        this.id = id;
        this.arity = arity;
        this.symbol = symbol;
        this.rule = rule;
    }

    /** The value this op produces from its operands' values. */
    abstract double forward(double[] operands);

    /** ∂out/∂operand_i for each operand, given the operands and the value forward produced. */
    abstract double[] local(double[] operands, double out);

    /** This op's forward rule on plain numbers, for code that needs the value at many inputs without a graph (a decision boundary). */
    public double apply(double... operands) { return forward(operands); }

    /** The name used in the trace JSON and the graph language ("add", "sigmoid", …). */
    public String id() { return id; }

    public int arity() { return arity; }

    /** How the op is written: an infix sign for arithmetic, the function name otherwise. */
    public String symbol() { return symbol; }

    public boolean isLeaf() { return arity == 0; }

    /** The local derivative rule in a sentence ("Multiply swaps: …"); empty for leaves. */
    public String rule() { return rule; }

    /**
     * The op written with its operands' texts, as a learner reads it: "a + b", "a·b", "a/b",
     * "a^b", "-(a)", "exp(a)".
     */
    public String written(java.util.List<String> operands) {
        return switch (this) {
            case ADD, SUB -> operands.get(0) + " " + symbol + " " + operands.get(1);
            case MUL -> operands.get(0) + " · " + operands.get(1);
            case DIV -> operands.get(0) + " / " + operands.get(1);
            case POW -> operands.get(0) + "^" + operands.get(1);
            case NEG -> "-" + (operands.get(0).startsWith("(") ? operands.get(0) : "(" + operands.get(0) + ")");
            case INPUT, CONST -> "";
            default -> symbol + "(" + String.join(", ", operands) + ")";
        };
    }

    public boolean isInfix() { return this == ADD || this == SUB || this == MUL || this == DIV || this == POW; }

    public boolean isFunction() { return arity == 1 && this != NEG; }

    /** The function op called by this name in the graph language, or null. */
    public static Op function(String name) {
        for (Op op : values()) {
            if (op.isFunction() && op.id.equals(name)) return op;
        }
        return null;
    }
}
