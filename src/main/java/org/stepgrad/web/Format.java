package org.stepgrad.web;

import java.math.BigDecimal;
import java.math.MathContext;

/** How numbers read on screen: at most four significant digits, no trailing zeros, "-2" not "-2.0". */
public final class Format {
    private static final MathContext DIGITS = new MathContext(4);

    private Format() {
    }

    public static String number(double v) {
        if (v == 0) return "0";
        if (!Double.isFinite(v)) return String.valueOf(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        double abs = Math.abs(v);
        BigDecimal rounded = new BigDecimal(v).round(DIGITS).stripTrailingZeros();
        if (abs >= 1e-4 && abs < 1e9) return rounded.toPlainString();
        String s = String.format("%.3e", v); // 1.235e-07
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e).replaceAll("\\.?0+$", "");
        int exponent = Integer.parseInt(s.substring(e + 1));
        return mantissa + "e" + exponent;
    }

    /** A number as a factor in a product: negatives in parentheses, "(-4)·1". */
    public static String factor(double v) {
        String s = number(v);
        return s.startsWith("-") ? "(" + s + ")" : s;
    }
}
