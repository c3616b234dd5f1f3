package org.pressure.engine.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pressure.engine.model.Formula;

class ExpressionTest {

    /** x is slot 0 with values 10, 20, 30 by step; y is slot 1 with 1, 2, 3. */
    private static final double[][] V = {{10, 20, 30}, {1, 2, 3}};

    private static final Compiler.Names NAMES = new Compiler.Names() {
        final Map<String, Formula> refs = Map.of(
                "x", Formula.slot(0),
                "care.cost", Formula.slot(1),
                "year", Formula.add(Formula.constant(2025), new Formula.Step()));

        @Override
        public Formula lookup(String name) {
            return refs.get(name);
        }

        @Override
        public Collection<String> known() {
            return refs.keySet();
        }
    };

    private static double eval(String text, int step) {
        return Compiler.compile(Parser.parse(text), NAMES).eval().at(V, step);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "1 + 2 * 3 | 7",
        "(1 + 2) * 3 | 9",
        "-2^2 | -4",
        "2^3^2 | 512",
        "2^-1 | 0.5",
        "10 - 4 - 3 | 3",
        "12 / 4 / 3 | 1",
        "5% * 200 | 10",
        "4.99% | 0.0499",
        "1 < 2 | 1",
        "2 <= 1 | 0",
        "3 = 3 | 1",
        "3 <> 3 | 0",
        "1 < 2 and 2 < 1 | 0",
        "1 < 2 or 2 < 1 | 1",
        "not 0 | 1",
        "not 1 + 1 | 0",
        "if(1 > 2, 10, 20) | 20",
        "min(3, 1, 2) | 1",
        "max(3, 7) | 7",
        "abs(-4) | 4",
        "sqrt(16) | 4",
        "exp(0) | 1",
        "ln(1) | 0",
        "log10(1000) | 3",
        "floor(-1.5) | -2",
        "round(2.5) | 3",
        "round(-2.5) | -3",
        "round(2.4) | 2",
        "cos(0) | 1",
        "pi | 3.141592653589793",
        "PI() | 3.141592653589793",
        "1e3 + 1.5E-1 | 1000.15",
    })
    void evaluates(String text, double expected) {
        assertEquals(expected, eval(text, 0), 1e-12);
    }

    @Test
    void names_read_the_current_step_and_previous_reads_the_one_before() {
        assertEquals(20, eval("x", 1));
        assertEquals(2, eval("care.cost", 1));
        assertEquals(10, eval("previous(x)", 1));
        assertEquals(0, eval("previous(x)", 0));
        assertEquals(-1, eval("previous(x, -1)", 0));
        assertEquals(10, eval("previous(previous(x))", 2));
        assertEquals(2027, eval("year", 2));
        assertEquals(31, eval("previous(x + y_free_constant, 0)".replace("y_free_constant", "1") + " + 10", 2));
    }

    @Test
    void previous_breaks_same_step_dependencies() {
        Set<Integer> reads = Compiler.compile(Parser.parse("previous(x) + previous(care.cost, x)"), NAMES).reads();
        assertEquals(Set.of(0), reads, "only the initial value of previous() is read in the same step");
    }

    @Test
    void constant_subexpressions_fold() {
        Formula e = Compiler.compile(Parser.parse("2 * max(1, 3) + 1"), NAMES);
        assertTrue(e instanceof Formula.Const);
        assertEquals(7, ((Formula.Const) e).value());
    }

    @Test
    void unknown_names_and_functions_are_refused_with_a_suggestion() {
        ExpressionException e = assertThrows(ExpressionException.class, () -> eval("2 * care.cots", 0));
        assertEquals("unknown name `care.cots`; did you mean `care.cost`?", e.getMessage());
        assertEquals(4, e.offset());
        ExpressionException f = assertThrows(ExpressionException.class, () -> eval("maxx(1, 2)", 0));
        assertTrue(f.getMessage().contains("did you mean `max`?"), f.getMessage());
        ExpressionException g = assertThrows(ExpressionException.class, () -> eval("if(1, 2)", 0));
        assertTrue(g.getMessage().contains("takes 3 arguments"), g.getMessage());
    }

    @Test
    void syntax_errors_point_at_the_character() {
        for (var c : List.of(List.of("1 +", "3"), List.of("(1 + 2", "6"), List.of("1 2", "2"), List.of("2 $ 3", "2"))) {
            ExpressionException e = assertThrows(ExpressionException.class, () -> Parser.parse(c.get(0)));
            assertEquals(Integer.parseInt(c.get(1)), e.offset(), c.get(0) + ": " + e.getMessage());
        }
    }

    @Test
    void hostile_nesting_is_refused_not_overflowed() {
        String deep = "(".repeat(3000) + "1" + ")".repeat(3000);
        ExpressionException e = assertThrows(ExpressionException.class, () -> Parser.parse(deep));
        assertTrue(e.getMessage().contains("nested more than"), e.getMessage());
        String minus = "-".repeat(3000) + "1";
        assertThrows(ExpressionException.class, () -> Parser.parse(minus));
    }
}
