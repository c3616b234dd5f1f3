package org.pressure.engine.xmile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pressure.engine.xmile.XmileModelsTest.model;
import static org.pressure.engine.xmile.XmileModelsTest.refusal;
import static org.pressure.engine.xmile.XmileModelsTest.run;
import static org.pressure.engine.xmile.XmileModelsTest.specs;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.expr.Compiler;
import org.pressure.engine.expr.Parser;

/**
 * Array functions over one-dimensional arrays, Vensim's constant lists, the converter's
 * {@code ???}, expression macros, RK2, and the smaller built-ins added for the suite.
 */
class XmileArraysMacrosTest {

    private static final String REGION = "<dimensions><dim name=\"Region\"><elem name=\"north\"/><elem name=\"south\"/>"
            + "<elem name=\"east\"/></dim></dimensions>";

    private static String arrays(double stop, String variables) {
        return model(specs(0, stop, 1, "Euler") + REGION, variables);
    }

    @Test
    void array_functions_take_every_element_of_an_array() {
        XmileRun r = run(arrays(0, """
                <aux name="rate"><dimensions><dim name="Region"/></dimensions><eqn>1, 2, 3</eqn></aux>
                <aux name="total"><eqn>SUM(rate[*])</eqn></aux>
                <aux name="average"><eqn>MEAN(rate)</eqn></aux>
                <aux name="biggest"><eqn>MAX(rate[Region!])</eqn></aux>
                <aux name="smallest"><eqn>MIN(rate[Region])</eqn></aux>
                <aux name="product"><eqn>PROD(rate[*])</eqn></aux>
                <aux name="count"><eqn>SIZE(rate)</eqn></aux>
                <aux name="second"><eqn>rate[2]</eqn></aux>
                <aux name="share"><dimensions><dim name="Region"/></dimensions><eqn>rate / SUM(rate[*])</eqn></aux>"""));
        assertEquals(6, r.column("total")[0]);
        assertEquals(2, r.column("average")[0]);
        assertEquals(3, r.column("biggest")[0]);
        assertEquals(1, r.column("smallest")[0]);
        assertEquals(6, r.column("product")[0]);
        assertEquals(3, r.column("count")[0]);
        assertEquals(2, r.column("second")[0]);
        assertEquals(0.5, r.column("share[east]")[0]);
        assertEquals(List.of("rate[north]", "rate[south]", "rate[east]"), r.names().subList(0, 3));
    }

    @Test
    void a_sum_over_stocks_follows_the_stocks() {
        XmileRun r = run(arrays(2, """
                <aux name="rate"><dimensions><dim name="Region"/></dimensions><eqn>1, 2, 3</eqn></aux>
                <flow name="arrivals"><dimensions><dim name="Region"/></dimensions><eqn>rate[Region]</eqn></flow>
                <stock name="people"><dimensions><dim name="Region"/></dimensions><eqn>0</eqn><inflow>arrivals</inflow></stock>
                <aux name="everyone"><eqn>SUM(people[*])</eqn></aux>"""));
        assertArrayEquals(new double[] {0, 6, 12}, r.column("everyone"));
        assertArrayEquals(new double[] {0, 3, 6}, r.column("people[east]"));
    }

    @Test
    void a_lost_equation_written_as_question_marks_is_refused_with_its_line_and_why() {
        ScenarioException e = refusal(arrays(1, """
                <aux name="rate"><dimensions><dim name="Region"/></dimensions><eqn> ??? </eqn></aux>"""));
        assertTrue(e.getMessage().contains("`???`") && e.getMessage().contains("could not convert"), e.getMessage());
        assertTrue(e.problems().get(0).location().line() > 0);
        assertEquals(1, e.problems().size(), "one equation for all three elements is reported once: " + e.getMessage());
        assertTrue(e.getMessage().contains("in `rate`"), e.getMessage());
    }

    @Test
    void expression_macros_stand_for_their_body_with_the_arguments_in_place() {
        String xml = model(specs(0, 3, 1, "Euler")
                + "<macro name=\"double_it\"><parm>x</parm><eqn>2 * x</eqn></macro>"
                + "<macro name=\"smooth of\"><parm>input</parm><parm>t</parm><eqn>SMTH1(input, t)</eqn></macro>", """
                <aux name="y"><eqn>double_it(3) + 1</eqn></aux>
                <aux name="nested"><eqn>DOUBLE_IT(double_it(y))</eqn></aux>
                <aux name="s"><eqn>smooth_of(STEP(10, 1), 2)</eqn></aux>""");
        XmileRun r = run(xml);
        assertEquals(7, r.column("y")[0]);
        assertEquals(28, r.column("nested")[0]);
        assertArrayEquals(new double[] {0, 0, 5, 7.5}, r.column("s"));
    }

    @Test
    void a_macro_called_with_the_wrong_arguments_or_with_variables_of_its_own_is_refused() {
        String macro = "<macro name=\"double_it\"><parm>x</parm><eqn>2 * x</eqn></macro>";
        ScenarioException wrong = refusal(model(specs(0, 1, 1, "Euler") + macro,
                "<aux name=\"y\"><eqn>double_it(1, 2)</eqn></aux>"));
        assertTrue(wrong.getMessage().contains("takes 1 argument"), wrong.getMessage());
        ScenarioException stocks = refusal(model(specs(0, 1, 1, "Euler")
                + "<macro name=\"m\"><parm>x</parm><eqn>s</eqn><variables><stock name=\"s\"><eqn>x</eqn></stock></variables></macro>",
                "<aux name=\"y\"><eqn>m(1)</eqn></aux>"));
        assertTrue(stocks.getMessage().contains("only expression macros"), stocks.getMessage());
    }

    @Test
    void an_unquoted_name_with_a_space_is_refused_with_a_hint() {
        ScenarioException e = refusal(model(specs(0, 1, 1, "Euler"), "<aux name=\"y\"><eqn>EXPRESSION MACRO(1, 2)</eqn></aux>"));
        assertTrue(e.getMessage().contains("two names in a row"), e.getMessage());
    }

    @Test
    void rk2_is_heuns_method() {
        XmileRun r = run(model(specs(0, 2, 0.5, "RK2"), """
                <flow name="f"><eqn>2 * TIME</eqn></flow>
                <stock name="y"><eqn>0</eqn><inflow>f</inflow></stock>
                <flow name="g"><eqn>z</eqn></flow>
                <stock name="z"><eqn>1</eqn><inflow>g</inflow></stock>"""));
        // a slope linear in time is integrated exactly; y' = y grows by 1 + h + h^2/2 a step
        assertArrayEquals(new double[] {0, 0.25, 1, 2.25, 4}, r.column("y"), 1e-12);
        assertArrayEquals(new double[] {1, 1.625, 2.640625}, java.util.Arrays.copyOf(r.column("z"), 3), 1e-12);
    }

    @Test
    void waves_and_history_read_the_time_axis() {
        XmileRun r = run(2, 0.5, """
                <aux name="sw"><eqn>SINWAVE(2, 4)</eqn></aux>
                <aux name="cw"><eqn>COSWAVE(2, 4)</eqn></aux>
                <aux name="x"><eqn>TIME * 10</eqn></aux>
                <aux name="h"><eqn>HISTORY(x, TIME - 1)</eqn></aux>""");
        assertEquals(2, r.column("sw")[2], 1e-12);
        assertEquals(2, r.column("cw")[0], 1e-12);
        assertEquals(-2, r.column("cw")[4], 1e-12);
        assertArrayEquals(new double[] {0, 0, 0, 5, 10}, r.column("h"));
    }

    @Test
    void variables_straight_under_model_as_earlier_drafts_write_them_are_read() {
        String xml = """
                <?xml version="1.0" encoding="utf-8" ?>
                <xmile version="1.0" level="3" xmlns="http://www.systemdynamics.org/XMILE" xmlns:isee="http://iseesystems.com/XMILE">
                  <header><vendor>isee systems, inc.</vendor><product version="10.0.6">STELLA</product></header>
                  <sim_specs method="Euler"><start>0</start><stop>2</stop><dt>1</dt></sim_specs>
                  <model>
                    <stock name="s"><eqn>0</eqn><inflow>f</inflow><display x="1" y="2"/></stock>
                    <flow name="f"><eqn>table(TIME)</eqn></flow>
                    <aux name="table"><gf><xscale min="0" max="2"/><ypts>1,3,5</ypts></gf></aux>
                    <display page_width="0"><connector uid="0"><from>table</from><to>f</to></connector></display>
                  </model>
                </xmile>
                """;
        XmileRun r = run(xml);
        assertArrayEquals(new double[] {0, 1, 4}, r.column("s"));
        assertArrayEquals(new double[] {1, 3, 5}, r.column("table"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "sinh(0) | 0",
        "cosh(0) | 1",
        "tanh(0) | 0",
        "sign(-3) | -1",
        "power(2, 10) | 1024",
        "sum(1, 2, 3) | 6",
        "prod(2, 3, 4) | 24",
        "mean(1, 2, 6) | 3",
        "size(7, 8) | 2",
    })
    void the_added_built_ins_compute_in_plain_expressions(String text, double expected) {
        Compiler.Names none = new Compiler.Names() {
            @Override
            public org.pressure.engine.model.Formula lookup(String name) {
                return null;
            }

            @Override
            public java.util.Collection<String> known() {
                return List.of();
            }
        };
        assertEquals(expected, Compiler.compile(Parser.parse(text), none).eval().at(null, 0), 1e-12);
    }
}
