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
        if (v == 0) return "0";
        if (!Double.isFinite(v)) return String.valueOf(v);
        double abs = Math.abs(v);
        if (v == Math.rint(v) && abs < 1e9) return Long.toString((long) v);
        if (abs < 1e-4 || abs >= 1e9) return scientific(v);
        int exponent = (int) Math.floor(Math.log10(abs));
        int decimals = Math.max(0, 3 - exponent);
        long scaled = Math.round(abs * POW10[decimals]);
        long whole = scaled / POW10[decimals];
        long fraction = scaled % POW10[decimals];
        StringBuilder s = new StringBuilder(12);
        if (v < 0) s.append('-');
        s.append(whole);
        if (fraction != 0) {
            String digits = Long.toString(fraction);
            s.append('.');
            for (int k = digits.length(); k < decimals; k++) s.append('0');
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') end--;
            s.append(digits, 0, end);
        }
        return s.toString();
    }

    /**
     * 1.235e-7: four significant digits of the shortest decimal that is this double (what
     * Double.toString prints), rounded half up. Decimal arithmetic here, because dividing by
     * 10^exponent overflows or loses digits at the extremes (5e-324, 1.8e308); this path is rare.
     */
    private static String scientific(double v) {
        return scientific(v, 4);
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
        String s = number(v);
        return s.startsWith("-") ? "(" + s + ")" : s;
    }
}
