package org.stepgrad.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FormatTest {
    @Test
    void whole_numbers_read_without_a_decimal_point() {
        assertEquals("-2", Format.number(-2.0));
        assertEquals("3", Format.number(3.0));
        assertEquals("0", Format.number(-0.0));
        assertEquals("12", Format.number(12));
    }

    @Test
    void fractions_keep_four_significant_digits_and_drop_trailing_zeros() {
        assertEquals("0.7311", Format.number(0.7310585786300049));
        assertEquals("0.5", Format.number(0.5));
        assertEquals("-0.1966", Format.number(-0.19661193324148185));
        assertEquals("-0.2", Format.number(-0.19999999));
        assertEquals("1.386", Format.number(1.3862943611198906));
        assertEquals("354.9", Format.number(354.891356446692));
        assertEquals("0.0001235", Format.number(0.00012345));
        assertEquals("10", Format.number(9.99996));
    }

    @Test
    void tiny_and_huge_numbers_use_an_exponent() {
        assertEquals("1.235e-7", Format.number(1.2345e-7));
        assertEquals("-3e-5", Format.number(-3e-5));
        assertEquals("1e-4", Format.number(9.99996e-5));
        assertEquals("2.5e12", Format.number(2.5e12));
    }

    @Test
    void factors_put_negatives_in_parentheses() {
        assertEquals("(-4)", Format.factor(-4));
        assertEquals("1", Format.factor(1));
    }

    @Test
    void agrees_with_bigdecimal_rounding_on_random_values() {
        Random random = new Random(7);
        MathContext four = new MathContext(4);
        for (int i = 0; i < 20_000; i++) {
            double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12) - 3);
            if (Math.abs(v) < 1e-4 || Math.abs(v) >= 1e4 || v == Math.rint(v)) continue;
            BigDecimal expected = new BigDecimal(v).round(four);
            assertEquals(0, expected.compareTo(new BigDecimal(Format.number(v))), () -> "formatting " + v);
        }
    }

    @Test
    void subnormals_and_the_extremes_keep_their_digits_and_exponent() {
        assertEquals("4.9e-324", Format.number(5e-324), "Double.MIN_VALUE reads as Double.toString says: 4.9E-324");
        assertEquals("-4.9e-324", Format.number(-Double.MIN_VALUE));
        assertEquals("2.225e-308", Format.number(Double.MIN_NORMAL));
        assertEquals("1.798e308", Format.number(Double.MAX_VALUE));
        assertEquals("1e-310", Format.number(1e-310));
        assertEquals("1.235e-320", Format.number(1.2345e-320));
        assertEquals("1e9", Format.number(1e9));
        assertEquals("9.223e18", Format.number(9.223372036854775807e18));
    }

    /** Against java.util.Formatter's %e, which rounds Double.toString's digits half up: an independent path. */
    @Test
    void exponents_agree_with_the_formatter_across_every_magnitude() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong()); // every exponent, subnormals included
            if (!Double.isFinite(v) || v == 0 || (Math.abs(v) >= 1e-4 && Math.abs(v) < 1e9)) continue;
            String reference = String.format(java.util.Locale.ROOT, "%.3e", v);
            BigDecimal expected = new BigDecimal(reference);
            String got = Format.number(v);
            assertEquals(0, expected.compareTo(new BigDecimal(got)), () -> "formatting " + v + ": " + got + " vs " + reference);
            assertEquals(reference.substring(reference.indexOf('e') + 1).replace("+", "").replaceFirst("^(-?)0+(\\d)", "$1$2"),
                    got.substring(got.indexOf('e') + 1), () -> "the exponent of " + v);
        }
    }
}
