package org.stepgrad.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The program-text and coordinate forms of the one number formatter, against Java's parser and BigDecimal. */
class FormatExactTest {
    @Test
    void exact_text_reads_back_as_the_same_double() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            double v = switch (i % 4) {
                case 0 -> random.nextDouble(-1000, 1000);
                case 1 -> Math.scalb(random.nextDouble(), random.nextInt(-1074, 1000));
                case 2 -> Math.round(random.nextDouble(-3, 3) * 1000) / 1000.0;
                default -> -Math.scalb(random.nextDouble(), random.nextInt(-60, 60));
            };
            assertEquals(v, Double.parseDouble(Format.exact(v)), Format.exact(v));
        }
        assertEquals(Double.MIN_VALUE, Double.parseDouble(Format.exact(Double.MIN_VALUE)));
    }

    @Test
    void exact_text_of_whole_numbers_has_no_point_and_small_ones_have_a_lowercase_exponent() {
        assertEquals("-2", Format.exact(-2.0));
        assertEquals("0", Format.exact(0.0));
        assertEquals("0.1", Format.exact(0.1));
        assertEquals("1.0e-7", Format.exact(1e-7));
        assertEquals("0.487", Format.exact(0.487));
        assertEquals("NaN", Format.exact(Double.NaN), "never in a program: ProgramWriter refuses it");
    }

    @Test
    void coordinates_round_half_up_to_one_decimal_like_big_decimal() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            double v = Math.round(random.nextDouble(-2000, 2000) * 1000) / 1000.0;
            BigDecimal expected = new BigDecimal(Math.round(v * 10)).movePointLeft(1).stripTrailingZeros();
            String want = expected.scale() <= 0 ? expected.setScale(0, RoundingMode.UNNECESSARY).toPlainString() : expected.toPlainString();
            assertEquals(want, Format.coordinate(v), "coordinate of " + v);
        }
        assertEquals("12", Format.coordinate(12.04));
        assertEquals("-0.5", Format.coordinate(-0.46));
        assertEquals("0", Format.coordinate(-0.04));
    }
}
