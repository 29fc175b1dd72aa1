package org.stepgrad.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stepgrad.expr.SourceError.Kind;

/**
 * One test per sentence the lexer, parser, builder and tracer can answer with: its words,
 * its kind and the line and column it points at (1-based; 0 where the fault has no place).
 */
class ErrorMessageTest {
    static SourceError error(String source) {
        Tracer.Traced traced = Tracer.trace(source);
        assertNotNull(traced.error(), () -> "expected a fault for:\n" + source);
        return traced.error();
    }

    static void assertError(String source, Kind kind, String message, int line, int column) {
        SourceError e = error(source);
        assertEquals(message, e.message());
        assertEquals(kind, e.kind(), "kind");
        assertEquals(line, e.line(), "line");
        assertEquals(column, e.column(), "column");
    }

    // ---- Lexer ----

    @Test
    void an_unexpected_character_is_named_with_the_characters_a_program_uses() {
        assertError("x = 1\ny = x $ 2", Kind.SYNTAX,
                "unexpected character '$'; a program uses names, numbers, + - * / ^ ( ) , = and # comments", 2, 7);
    }

    @Test
    void a_control_character_is_named_by_its_code_point() {
        assertError("x = 1\u0007", Kind.SYNTAX,
                "unexpected character U+0007; a program uses names, numbers, + - * / ^ ( ) , = and # comments", 1, 6);
    }

    @Test
    void a_number_longer_than_the_limit_asks_for_an_exponent() {
        String digits = "1".repeat(65);
        assertError("x = 2\ny = " + digits, Kind.LIMIT,
                "this number is 65 characters long; write it in at most 64 (use an exponent, like 1.5e-8)", 2, 5);
    }

    @Test
    void a_number_beyond_the_largest_double_is_too_large() {
        assertError("x = 1e999", Kind.UNDEFINED,
                "the number 1e999 is too large; numbers must stay below about 1.8e308", 1, 5);
    }

    // ---- Parser ----

    @Test
    void a_line_must_start_with_a_name() {
        assertError("3 = x", Kind.SYNTAX,
                "expected a name at the start of the line, as in 'q = x + y', but found '3'", 1, 1);
    }

    @Test
    void a_function_name_cannot_name_a_value() {
        assertError("x = 1\nexp = x", Kind.NAME, "'exp' is a function; choose another name for this value", 2, 1);
    }

    @Test
    void a_name_must_be_followed_by_equals() {
        assertError("x + 1", Kind.SYNTAX, "expected '=' after the name 'x', but found '+'", 1, 3);
    }

    @Test
    void a_line_ends_after_its_expression() {
        assertError("x = 1\nq = x x", Kind.SYNTAX,
                "expected an operator or the end of the line after the expression, but found 'x'", 2, 7);
    }

    @Test
    void an_unknown_function_lists_the_functions() {
        assertError("x = 1\ny = foo(x)", Kind.NAME,
                "unknown function 'foo'; the functions are exp, log, tanh, sigmoid, relu", 2, 5);
    }

    @Test
    void an_unclosed_call_expects_its_closing_parenthesis() {
        assertError("x = 1\ny = exp(x", Kind.SYNTAX,
                "expected ')' after the argument of exp, but found the end of the line", 2, 10);
    }

    @Test
    void a_function_given_two_arguments_says_how_many_it_takes() {
        assertError("x = 1\ny = tanh(x, 2)", Kind.SYNTAX, "tanh takes 1 argument, but 2 were given", 2, 5);
    }

    @Test
    void an_unclosed_parenthesis_expects_its_closing_parenthesis() {
        assertError("x = 1\ny = (x + 2", Kind.SYNTAX, "expected ')' after expression, but found the end of the line", 2, 11);
    }

    @Test
    void a_missing_operand_expects_a_number_a_name_or_a_parenthesis() {
        assertError("x = 1\ny = x +\nz = y", Kind.SYNTAX,
                "expected a number, a name or '(' but found the end of the line", 2, 8);
    }

    @Test
    void a_missing_operand_at_the_end_of_the_program_says_so() {
        assertError("x = 1\ny = x *", Kind.SYNTAX, "expected a number, a name or '(' but found the end of the line", 2, 8);
    }

    @Test
    void pythons_power_operator_is_told_to_use_a_caret() {
        assertError("x = 2\ny = x ** 2", Kind.SYNTAX, "'**' is not an operator here: use ^ for powers, as in x^2", 2, 7);
    }

    @Test
    void too_many_nodes_is_a_limit() {
        Limits small = new Limits(1_000_000, 10, 200, 64);
        // graph nodes are counted: x, then one node per '+'; names used again add none
        Tracer.Traced traced = Tracer.trace("x = 1\ny = x" + " + x".repeat(10), small);
        SourceError e = traced.error();
        assertNotNull(e);
        assertEquals(Kind.LIMIT, e.kind());
        assertEquals("the program makes more than 10 nodes, the most a graph may have", e.message());
        assertEquals(2, e.line());
        assertEquals(43, e.column(), "the tenth '+', the eleventh node counting line 1's x");
    }

    @Test
    void nesting_too_deep_is_a_limit_that_asks_for_names() {
        Limits shallow = new Limits(1_000_000, 100_000, 5, 64);
        SourceError e = Tracer.trace("x = 1\ny = ((((((x))))))", shallow).error();
        assertNotNull(e);
        assertEquals(Kind.LIMIT, e.kind());
        assertEquals("the expression nests more than 5 levels deep; split it over several lines with names for the parts", e.message());
        assertEquals(2, e.line());
        assertEquals(10, e.column(), "the first token of the level that goes too deep");
    }

    // ---- GraphBuilder ----

    @Test
    void an_empty_program_asks_for_an_assignment() {
        String message = "the program is empty; write one assignment per line, such as 'x = 2'";
        assertError("", Kind.SYNTAX, message, 0, 0);
        assertError("\n  # only a comment\n\n", Kind.SYNTAX, message, 0, 0);
    }

    @Test
    void a_name_assigned_twice_points_at_the_first_assignment() {
        assertError("x = 1\ny = x * 2\nx = 3", Kind.NAME, "'x' is already assigned on line 1; each name is assigned once", 3, 1);
    }

    @Test
    void a_bare_name_on_the_right_is_not_a_second_name() {
        assertError("x = 1\ny = x", Kind.NAME, "'y = x' only gives x a second name; use x itself", 2, 5);
    }

    @Test
    void an_unknown_name_asks_for_an_earlier_assignment() {
        assertError("x = 1\ny = x + z", Kind.NAME, "unknown name 'z'; assign it on an earlier line", 2, 9);
    }

    @Test
    void a_name_used_before_its_line_says_where_it_is_assigned() {
        assertError("x = 1\ny = x + z\nz = 2", Kind.NAME, "unknown name 'z'; it is assigned later, on line 3", 2, 9);
    }

    @Test
    void nan_and_infinity_are_not_numbers_of_the_language() {
        assertError("x = NaN", Kind.NAME, "unknown name 'NaN'; a program only uses finite numbers", 1, 5);
        assertError("x = 1\ny = x * Infinity", Kind.NAME, "unknown name 'Infinity'; a program only uses finite numbers", 2, 9);
    }

    // ---- undefined values (Undefined.explain) ----

    @Test
    void log_of_zero_is_undefined() {
        assertError("x = 0\ny = log(x)", Kind.UNDEFINED, "in y: log of 0 is undefined (it falls to minus infinity)", 2, 5);
    }

    @Test
    void log_of_a_negative_number_names_the_value() {
        assertError("x = -2\ny = log(x)", Kind.UNDEFINED,
                "in y: log of -2 is undefined; log needs a positive number (x = -2)", 2, 5);
    }

    @Test
    void division_by_zero_names_the_divisor() {
        assertError("a = 1\nb = 0\ny = a / b", Kind.UNDEFINED, "in y: division by zero: b is 0", 3, 7);
    }

    @Test
    void a_quotient_beyond_the_largest_number_overflows() {
        assertError("a = 1e300\ny = a / 1e-300", Kind.UNDEFINED,
                "in y: div overflows: the result is too large for a number (beyond about 1.8e308)", 2, 7);
    }

    @Test
    void a_negative_base_with_a_fractional_exponent_is_undefined() {
        assertError("a = -8\ny = a ^ 0.5", Kind.UNDEFINED,
                "in y: -8^0.5 is undefined; a negative base needs a whole-number exponent", 2, 7);
    }

    @Test
    void zero_to_a_negative_power_is_a_division_by_zero() {
        assertError("a = 0\ny = a ^ -1", Kind.UNDEFINED, "in y: 0^-1 is undefined (division by zero)", 2, 7);
    }

    @Test
    void a_power_beyond_the_largest_number_overflows() {
        assertError("a = 10\ny = a ^ 400", Kind.UNDEFINED, "in y: 10^400 overflows to infinity", 2, 7);
    }

    @Test
    void exp_beyond_the_largest_number_overflows() {
        assertError("a = 1000\nb = a - 1\ny = exp(b)", Kind.UNDEFINED,
                "in y: exp overflows: the result is too large for a number (beyond about 1.8e308)", 3, 5);
    }

    @Test
    void the_fault_names_the_line_it_is_on_even_inside_a_longer_expression() {
        // the product overflows; the sum around it would too, but the first fault is reported
        assertError("a = 1e200\nb = 2 + a * a", Kind.UNDEFINED,
                "in b: mul overflows: the result is too large for a number (beyond about 1.8e308)", 2, 11);
    }

    // ---- Tracer ----

    @Test
    void no_source_at_all_asks_for_one() {
        SourceError e = Tracer.trace(null).error();
        assertEquals("there is no program; send its text as \"source\"", e.message());
        assertEquals(0, e.line());
    }

    @Test
    void a_source_over_the_size_limit_says_how_long_it_is() {
        SourceError e = Tracer.trace("x = 1 ".repeat(20), new Limits(100, 100, 100, 64)).error();
        assertEquals(Kind.LIMIT, e.kind());
        assertEquals("the program is 120 characters long; the most accepted is 100", e.message());
        assertEquals(0, e.line());
    }

    @Test
    void an_infinite_slope_at_a_finite_value_names_the_node_and_the_input() {
        // 0^0.5 = 0 is fine going forward, but its slope 0.5·0^-0.5 is infinite
        assertError("x = 0\ny = x ^ 0.5", Kind.UNDEFINED,
                "the gradient of x is not a number on the way back through y: the slope ∂y/∂x is undefined at x = 0", 2, 7);
    }

    @Test
    void a_gradient_that_overflows_on_the_way_back_is_refused() {
        // every value is finite (m ≈ 4e-33, L ≈ 4e-13), but ∂L/∂a = 1e20 · 0.1·a^-0.9 ≈ 1e310
        assertError("a = 4.9e-324\nm = a ^ 0.1\nL = m * 1e20", Kind.UNDEFINED,
                "the gradient of a is not a number on the way back through m: the gradient grows beyond the largest number", 2, 7);
    }

    @Test
    void every_message_is_a_sentence_without_a_java_exception_name() {
        for (String source : new String[] {"x = (", "x = 1 $", "= 2", "x = foo(1)", "x = 1\nx = 2", "x = 0\ny = log(x)"}) {
            String m = error(source).message();
            assertTrue(!m.contains("Exception") && !m.contains("java.") && !m.isBlank(), m);
        }
    }
}
