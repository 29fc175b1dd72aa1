package org.stepgrad.replay;

/**
 * How numbers read on screen: four significant digits, no trailing zeros, "-2" not "-2.0".
 * Written with plain arithmetic because a trace formats several numbers per node, and
 * BigDecimal or String.format made number formatting the largest cost of a trace.
 */
public final class Format {
    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Format() {
    }

    public static String number(double v) {
        return number(new StringBuilder(12), v).toString();
    }

    private static StringBuilder number(StringBuilder into, double v) {
        if (v == 0) return into.append('0');
        if (!Double.isFinite(v)) return into.append(v);
        double abs = Math.abs(v);
        if (v == Math.rint(v) && abs < 1e9) return into.append((long) v);
        if (abs < 1e-4 || abs >= 1e9) return scientific(into, v);
        int exponent = (int) Math.floor(Math.log10(abs));
        int decimals = Math.max(0, 3 - exponent);
        long scaled = Math.round(abs * POW10[decimals]);
        long whole = scaled / POW10[decimals];
        long fraction = scaled % POW10[decimals];
        if (v < 0) into.append('-');
        into.append(whole);
        if (fraction == 0) return into;
        while (fraction % 10 == 0) {
            fraction /= 10;
            decimals--;
        }
        into.append('.');
        for (long p = POW10[decimals - 1]; p > fraction; p /= 10) into.append('0'); // the zeros after the point
        return into.append(fraction);
    }

    /**
     * 1.235e-7: four significant digits of the shortest decimal that is this double (what
     * Double.toString prints, "1.2345E-7"), rounded half up on those decimal digits. Done on the
     * digits, because dividing by 10^exponent overflows or loses digits at the extremes (5e-324,
     * 1.8e308).
     */
    private static StringBuilder scientific(StringBuilder into, double v) {
        String shortest = Double.toString(Math.abs(v)); // "d.ddddE-n": |v| < 1e-4 or >= 1e9 always has an exponent
        int e = shortest.indexOf('E');
        int exponent = Integer.parseInt(shortest, e + 1, shortest.length(), 10);
        long digits = shortest.charAt(0) - '0';
        int count = 1;
        for (int i = 2; i < e && count < 4; i++, count++) digits = digits * 10 + (shortest.charAt(i) - '0');
        if (count == 4 && e > 5 && shortest.charAt(5) >= '5') digits++; // half up: the fifth digit decides
        if (digits == 10_000) { // 9.9995 rounds to 10.00: one more power of ten
            digits /= 10;
            exponent++;
        }
        while (digits >= 10 && digits % 10 == 0) digits /= 10;
        if (v < 0) into.append('-');
        String kept = Long.toString(digits);
        into.append(kept.charAt(0));
        if (kept.length() > 1) into.append('.').append(kept, 1, kept.length());
        return into.append('e').append(exponent);
    }

    /** {@code significant} digits in scientific notation, trailing zeros dropped: 1.3e-10. */
    public static String scientific(double v, int significant) {
        if (v == 0 || !Double.isFinite(v)) return number(v);
        java.math.BigDecimal d = new java.math.BigDecimal(Double.toString(v))
                .round(new java.math.MathContext(significant, java.math.RoundingMode.HALF_UP)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        String digits = d.unscaledValue().abs().toString();
        StringBuilder s = new StringBuilder(12);
        if (v < 0) s.append('-');
        s.append(digits.charAt(0));
        if (digits.length() > 1) s.append('.').append(digits, 1, digits.length());
        return s.append('e').append(exponent).toString();
    }

    /** Up to {@code digits} significant digits, as short as that allows: -2.05885346, 1.54, -4. */
    public static String digits(double v, int digits) {
        if (v == 0 || !Double.isFinite(v)) return number(v);
        return exact(new java.math.BigDecimal(v).round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN)).doubleValue());
    }

    /**
     * A number at full precision, as program and URL text that reads back as exactly the same
     * double, and for a click on its box: "2" not "2.0", otherwise the shortest text Java parses
     * back to it ("0.1", "-0.6774473631999998", "1.0e-7").
     */
    public static String exact(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v).replace('E', 'e');
    }

    /** A drawing coordinate with at most one decimal, "12" not "12.0": short, and the same bytes everywhere. */
    public static String coordinate(double v) {
        long tenths = Math.round(v * 10);
        if (tenths % 10 == 0) return Long.toString(tenths / 10);
        String sign = tenths < 0 ? "-" : "";
        long a = Math.abs(tenths);
        return sign + a / 10 + "." + a % 10;
    }

    /** A number as a factor in a product: negatives in parentheses, "(-4)·1". */
    public static String factor(double v) {
        // exactly the numbers whose text starts with '-' (-0 reads "0")
        return v < 0 ? "(" + number(v) + ")" : number(v);
    }
}
