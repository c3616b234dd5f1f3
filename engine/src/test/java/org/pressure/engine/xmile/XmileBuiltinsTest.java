package org.pressure.engine.xmile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pressure.engine.xmile.XmileModelsTest.model;
import static org.pressure.engine.xmile.XmileModelsTest.run;
import static org.pressure.engine.xmile.XmileModelsTest.specs;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pressure.engine.expr.Compiler;
import org.pressure.engine.expr.ExpressionException;
import org.pressure.engine.expr.Parser;

/**
 * The shared table of built-in functions, through XMILE models with exact answers and through
 * plain expressions (as scenario files use them).
 */
class XmileBuiltinsTest {

    private static final Compiler.Names NO_NAMES = new Compiler.Names() {
        @Override
        public org.pressure.engine.model.Formula lookup(String name) {
            return null;
        }

        @Override
        public Collection<String> known() {
            return List.of();
        }
    };

    private static double expression(String text) {
        return Compiler.compile(Parser.parse(text), NO_NAMES).eval().at(null, 0);
    }

    /** One aux's values over a run from 0 to {@code stop} at {@code dt}. */
    private static double[] aux(double stop, double dt, String equation, String... more) {
        String extra = String.join("\n", more);
        return run(stop, dt, "<aux name=\"x\"><eqn>" + equation + "</eqn></aux>\n" + extra).column("x");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "abs(-2) | 2",
        "min(4) | 4",
        "max(4, 9) | 9",
        "sqrt(9) | 3",
        "exp(1) | 2.718281828459045",
        "ln(exp(2)) | 2",
        "log10(0.01) | -2",
        "int(-9.5) | -10",
        "int(9.5) | 9",
        "mod(-10, 3) | 2",
        "-10 mod 3 | 2",
        "7 MOD 4 * 2 | 6",
        "sin(pi / 2) | 1",
        "cos(0) | 1",
        "tan(0) | 0",
        "arcsin(1) | 1.5707963267948966",
        "arccos(1) | 0",
        "arctan(1) | 0.7853981633974483",
        "safediv(6, 3) | 2",
        "safediv(6, 0) | 0",
        "safediv(6, 0, -1) | -1",
        "xidz(1, 0, 5) | 5",
        "zidz(1, 0) | 0",
        "IF 1 > 2 THEN 10 ELSE 20 | 20",
        "if 2 > 1 then 10 else 20 | 10",
        "IF (1 > 2) THEN 1 ELSE IF 3 > 2 THEN 2 ELSE 3 | 2",
        "if(1 > 2, 10, 20) | 20",
        "1 + IF 1 THEN 2 ELSE 3 | 3",
        "round(2.5) | 3",
        "round(-2.5) | -3",
    })
    void the_table_computes_in_plain_expressions(String text, double expected) {
        assertEquals(expected, expression(text), 1e-12);
    }

    @Test
    void inf_is_infinite_and_time_functions_need_a_model() {
        assertEquals(Double.POSITIVE_INFINITY, expression("inf"));
        ExpressionException e = assertThrows(ExpressionException.class, () -> expression("smth1(1, 2)"));
        assertTrue(e.getMessage().contains("`smth1` needs a model with a time axis"), e.getMessage());
        assertThrows(ExpressionException.class, () -> expression("time"));
    }

    @Test
    void time_names_read_the_run() {
        assertArrayEquals(new double[] {0, 0.5, 1}, aux(1, 0.5, "time"));
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, aux(1, 0.5, "DT"));
        assertArrayEquals(new double[] {1, 1, 1}, aux(1, 0.5, "STOPTIME + STARTTIME"));
    }

    @Test
    void step_and_ramp_follow_time() {
        assertArrayEquals(new double[] {0, 0, 5, 5}, aux(3, 1, "STEP(5, 2)"));
        assertArrayEquals(new double[] {0, 0, 2, 4, 4}, aux(4, 1, "RAMP(2, 1, 3)"));
        assertArrayEquals(new double[] {0, 0, 2, 4, 6}, aux(4, 1, "RAMP(2, 1)"));
    }

    @Test
    void pulse_is_magnitude_over_dt_for_one_dt_so_a_stock_gains_the_magnitude() {
        XmileRun r = run(4, 0.5, """
                <flow name="p"><eqn>PULSE(10, 2)</eqn></flow>
                <stock name="S"><eqn>0</eqn><inflow>p</inflow></stock>""");
        assertArrayEquals(new double[] {0, 0, 0, 0, 20, 0, 0, 0, 0}, r.column("p"));
        assertEquals(10, r.column("S")[8]);
        assertArrayEquals(new double[] {0, 3, 0, 0, 3, 0, 0, 3}, aux(7, 1, "PULSE(3, 1, 3)"));
    }

    @Test
    void delay_shifts_its_input_by_whole_steps_and_starts_from_the_input_or_the_given_value() {
        assertArrayEquals(new double[] {0, 0, 0, 0, 2, 4}, aux(5, 1, "DELAY(2 * TIME, 3)"));
        assertArrayEquals(new double[] {7, 7, 7, 0, 2, 4}, aux(5, 1, "DELAY(2 * TIME, 3, 7)"));
        assertArrayEquals(new double[] {3, 3, 3, 4, 5}, aux(2, 0.5, "DELAY(2 * TIME + 3, 1)"));
    }

    @Test
    void smth1_of_a_step_closes_the_gap_by_dt_over_t_each_step() {
        double dt = 0.5, t = 4;
        double[] x = aux(10, dt, "SMTH1(STEP(10, 2), 4)");
        for (int n = 0; n < x.length; n++) {
            double time = n * dt;
            double exact = time <= 2 ? 0 : 10 * (1 - Math.pow(1 - dt / t, n - 4));
            assertEquals(exact, x[n], 1e-9, "t = " + time);
        }
        // a given initial value, then a quarter of the gap to the input (0 until time 5) closes each step
        assertArrayEquals(new double[] {5, 3.75, 2.8125}, aux(2, 1, "SMTH1(STEP(10, 5), 4, 5)"));
    }

    @Test
    void smth3_and_smthn_are_chains_of_first_order_smooths() {
        // three stages of T/3: the first stage alone follows SMTH1(input, T/3)
        double[] three = aux(6, 1, "SMTH3(STEP(9, 1), 3)");
        double[] n3 = aux(6, 1, "SMTHN(STEP(9, 1), 3, 3)");
        assertArrayEquals(three, n3, 1e-12);
        // stage by stage with dt = T/3 = 1: each stage jumps fully to its input one step later
        assertArrayEquals(new double[] {0, 0, 0, 0, 9, 9, 9}, three, 1e-12);
        assertArrayEquals(new double[] {4, 4, 4}, aux(2, 1, "SMTH3(10, 2, 4)"), 1e-12);
    }

    @Test
    void material_delays_hold_their_equilibrium_and_delay1_of_a_step_fills_at_rate_dt_over_d() {
        assertArrayEquals(new double[] {5, 5, 5, 5}, aux(3, 1, "DELAY1(5, 2)"), 1e-12);
        assertArrayEquals(new double[] {5, 5, 5, 5}, aux(3, 1, "DELAY3(5, 3)"), 1e-12);
        assertArrayEquals(new double[] {5, 5, 5, 5}, aux(3, 1, "DELAYN(5, 4, 4)"), 1e-12);
        // starting out of equilibrium: output 2 while 5 goes in, so the pipeline fills by 3 a step
        assertArrayEquals(new double[] {2, 3.5, 4.25}, aux(2, 1, "DELAY1(5, 2, 2)"), 1e-12);
        double dt = 0.25, d = 2;
        double[] x = aux(5, dt, "DELAY1(STEP(8, 1), 2)");
        for (int n = 0; n < x.length; n++) {
            double exact = n <= 4 ? 0 : 8 * (1 - Math.pow(1 - dt / d, n - 4));
            assertEquals(exact, x[n], 1e-9, "step " + n);
        }
        assertArrayEquals(aux(5, dt, "DELAY3(STEP(8, 1), 3)"), aux(5, dt, "DELAYN(STEP(8, 1), 3, 3)"), 1e-12);
    }

    @Test
    void a_material_delay_conserves_what_goes_in() {
        XmileRun r = run(40, 0.25, """
                <flow name="in"><eqn>PULSE(12, 1)</eqn></flow>
                <flow name="out"><eqn>DELAY3(in, 4)</eqn></flow>
                <stock name="sent"><eqn>0</eqn><inflow>in</inflow></stock>
                <stock name="arrived"><eqn>0</eqn><inflow>out</inflow></stock>""");
        assertEquals(12, r.column("sent")[160], 1e-12);
        assertEquals(12, r.column("arrived")[160], 1e-3);
    }

    @Test
    void init_keeps_the_first_value_and_previous_the_last() {
        assertArrayEquals(new double[] {3, 3, 3}, aux(2, 1, "INIT(TIME + 3)"));
        assertArrayEquals(new double[] {-1, 0, 1}, aux(2, 1, "PREVIOUS(TIME, -1)"));
    }

    @Test
    void trend_of_a_constant_is_its_initial_trend_decaying_and_forcst_of_a_constant_is_the_constant() {
        assertArrayEquals(new double[] {0, 0, 0}, aux(2, 1, "TREND(5, 3)"), 1e-12);
        assertArrayEquals(new double[] {5, 5, 5}, aux(2, 1, "FORCST(5, 3, 2)"), 1e-12);
        // TREND starts at the initial trend given: average = input / (1 + 0.1 * 2)
        assertEquals(0.1, aux(0, 1, "TREND(6, 2, 0.1)")[0], 1e-12);
        // FORCST = input * (1 + horizon * trend)
        assertEquals(6 * (1 + 3 * 0.1), aux(0, 1, "FORCST(6, 2, 3, 0.1)")[0], 1e-12);
    }

    @Test
    void graphical_functions_interpolate_extrapolate_or_hold() {
        String table = """
                <gf name="table"><xpts>0,1,2</xpts><ypts>0,10,30</ypts></gf>
                <gf name="ext" type="extrapolate"><xscale min="0" max="2"/><ypts>0,10,30</ypts></gf>
                <gf name="steps" type="discrete"><xpts sep=";">0;1;2</xpts><ypts sep=";">0;10;30</ypts></gf>
                <aux name="shaped"><eqn>TIME / 2</eqn><gf><xpts>0,1</xpts><ypts>100,200</ypts></gf></aux>""";
        assertArrayEquals(new double[] {0, 5, 10, 20, 30, 30}, aux(2.5, 0.5, "table(TIME)", table));
        assertArrayEquals(new double[] {0, 5, 10, 20, 30, 40}, aux(2.5, 0.5, "ext(TIME)", table));
        assertArrayEquals(new double[] {0, 0, 10, 10, 30, 30}, aux(2.5, 0.5, "steps(TIME)", table));
        assertArrayEquals(new double[] {0, 5, 10, 20, 30, 30}, aux(2.5, 0.5, "LOOKUP(table, TIME)", table));
        assertArrayEquals(new double[] {100, 125, 150}, run(1, 0.5, table).column("shaped"));
    }

    @Test
    void files_exported_from_vensim_truncate_int_and_mod_as_vensim_does() {
        String vars = "<aux name=\"i\"><eqn>INT(-9.9)</eqn></aux><aux name=\"m\"><eqn>-10 MOD 3</eqn></aux>";
        XmileRun xmile = run(model(specs(0, 0, 1, "Euler"), vars));
        assertEquals(-10, xmile.column("i")[0]);
        assertEquals(2, xmile.column("m")[0]);
        String vensim = model(specs(0, 0, 1, "Euler"), vars).replace("<name>t</name>", "<vendor>Ventana Systems, Inc.</vendor>");
        XmileRun converted = run(vensim);
        assertEquals(-9, converted.column("i")[0]);
        assertEquals(-1, converted.column("m")[0]);
    }

    @Test
    void one_dimensional_arrays_expand_to_one_column_per_element() {
        String xml = model(specs(0, 2, 1, "Euler")
                + "<dimensions><dim name=\"Region\"><elem name=\"north\"/><elem name=\"south\"/></dim></dimensions>", """
                <aux name="rate"><dimensions><dim name="Region"/></dimensions>
                  <element subscript="north"><eqn>1</eqn></element><element subscript="south"><eqn>2</eqn></element></aux>
                <flow name="inflow"><dimensions><dim name="Region"/></dimensions><eqn>rate[Region] * 10</eqn></flow>
                <stock name="people"><dimensions><dim name="Region"/></dimensions><eqn>0</eqn><inflow>inflow</inflow></stock>
                <aux name="total"><eqn>people[north] + people[south]</eqn></aux>""");
        XmileRun r = run(xml);
        assertArrayEquals(new double[] {0, 10, 20}, r.column("people[north]"));
        assertArrayEquals(new double[] {0, 20, 40}, r.column("people[south]"));
        assertArrayEquals(new double[] {0, 30, 60}, r.column("total"));
    }

    @Test
    void equations_may_carry_braced_comments() {
        assertArrayEquals(new double[] {3}, aux(0, 1, "1 + {the base} 2"));
    }
}
