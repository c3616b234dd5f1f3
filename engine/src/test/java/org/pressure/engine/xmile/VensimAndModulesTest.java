package org.pressure.engine.xmile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.pressure.engine.xmile.XmileModelsTest.model;
import static org.pressure.engine.xmile.XmileModelsTest.refusal;
import static org.pressure.engine.xmile.XmileModelsTest.run;
import static org.pressure.engine.xmile.XmileModelsTest.specs;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pressure.engine.diagnostics.ScenarioException;

/**
 * Vensim text models, XMILE arrays of more than one dimension, and XMILE modules: what they
 * compute, and how their mistakes are reported (file:line:col and the construct).
 */
class VensimAndModulesTest {

    private static final String CONTROL = """
            INITIAL TIME = 0
            	~	Month
            	~	The initial time for the simulation.
            	|
            FINAL TIME = 3 ~ Month ~ |
            TIME STEP = 1 ~ Month [0,?] ~ |
            SAVEPER = TIME STEP ~ Month ~ |
            """;

    private static XmileRun vensim(String equations) {
        return XmileCompiler.compile(VensimReader.read("{UTF-8}\n" + equations + CONTROL
                + "\\\\\\---/// Sketch information - do not modify anything except names\nV300 ignored\n", "m.mdl")).run();
    }

    private static ScenarioException vensimRefusal(String equations) {
        return assertThrows(ScenarioException.class, () -> vensim(equations));
    }

    @Test
    void a_vensim_stock_lookup_and_if_then_else_run_as_vensim_runs_them() {
        XmileRun r = vensim("""
                Stock A = INTEG(inflow - outflow, 10)
                	~	Widgets
                	~	A stock, with a comment that says = and : freely.
                	|
                inflow = IF THEN ELSE(Time >= 1 :AND: Stock A < 100, effect(Time), 0) ~ ~ |
                outflow = 0.5 * STEP(2, 2) ~ ~ |
                effect(
                	[(0,0)-(10,10)],(0,0),(1,2),(3,6)) ~ ~ |
                """);
        assertArrayEquals(new double[] {0, 1, 2, 3}, r.times());
        assertArrayEquals(new double[] {0, 2, 4, 6}, r.column("inflow"));
        assertArrayEquals(new double[] {0, 0, 1, 1}, r.column("outflow"));
        // Euler: the stock moves by the previous step's net flow
        assertArrayEquals(new double[] {10, 10, 12, 15}, r.column("Stock A"));
    }

    @Test
    void vensim_subscripts_element_definitions_and_lists_of_constants() {
        XmileRun r = vensim("""
                Region: north, south ~ ~ |
                Age: (a1-a3) ~ ~ |
                people[Region, Age] = 1, 2, 3; 4, 5, 6; ~ ~ |
                weight[north] = 10 ~ ~ |
                weight[south] = 100 ~ ~ |
                weighted[Region, Age] = people[Region, Age] * weight[Region] ~ ~ |
                total = SUM(weighted[Region!, Age!]) ~ ~ |
                oldest[Region] = VMAX(people[Region, Age!]) ~ ~ |
                position[Age] = Age ~ ~ |
                """);
        assertEquals(10 * (1 + 2 + 3) + 100 * (4 + 5 + 6), r.column("total")[0]);
        assertEquals(6, r.column("oldest[south]")[0]);
        assertEquals(50, r.column("weighted[north,a2]")[0] * 2.5);
        assertEquals(3, r.column("position[a3]")[0]);
        assertEquals(List.of("people[north,a1]", "people[north,a2]"), r.names().subList(0, 2));
    }

    @Test
    void vensim_delays_and_smooths_map_onto_the_engines_own() {
        XmileRun r = vensim("""
                input = STEP(10, 1) ~ ~ |
                fixed = DELAY FIXED(input, 1, 5) ~ ~ |
                smoothed = SMOOTH(input, 1) ~ ~ |
                pulse = PULSE(1, 2) ~ ~ |
                """);
        assertArrayEquals(new double[] {5, 0, 10, 10}, r.column("fixed"));
        assertArrayEquals(new double[] {0, 0, 10, 10}, r.column("smoothed"));
        assertArrayEquals(new double[] {0, 1, 1, 0}, r.column("pulse"));
    }

    @Test
    void an_unknown_vensim_function_is_refused_at_its_line_and_column() {
        ScenarioException e = vensimRefusal("a = 1 ~ ~ |\nb =\n\t2 * FROB(a) ~ ~ |\n");
        assertEquals("m.mdl:4:6: unknown function `FROB`; the Vensim functions read are listed in docs/interop.md",
                e.problems().get(0).location() + ": " + e.problems().get(0).message());
        ScenarioException data = vensimRefusal("a = GET XLS DATA('f.xlsx', 's', 'A', 'B1') ~ ~ |\n");
        assertEquals("m.mdl:2:5: `GET XLS DATA` reads data from another file, which is not supported",
                data.problems().get(0).location() + ": " + data.problems().get(0).message());
        ScenarioException macro = vensimRefusal("a = 1 ~ ~ |\n:MACRO: f(x : y)\nf = x ~ ~ |\n:END OF MACRO:\n");
        assertEquals("m.mdl:3:1", macro.problems().get(0).location().toString());
    }

    @Test
    void mismatched_subscripts_are_refused_naming_the_reference() {
        ScenarioException e = vensimRefusal("""
                A: a1, a2 ~ ~ |
                B: b1, b2 ~ ~ |
                x[A] = 1 ~ ~ |
                y[B] = x[B] ~ ~ |
                """);
        assertEquals("m.mdl:5:8: in `y[b1]`: mismatched subscripts: in `y[b1]`, `x[B]` has no element for dimension `B`"
                + " (`y` is over B)", e.problems().get(0).location() + ": " + e.problems().get(0).message());
        ScenarioException count = vensimRefusal("A: a1, a2 ~ ~ |\nx[A] = 1 ~ ~ |\ny = x[a1, a2] ~ ~ |\n");
        assertEquals("in `y`: mismatched subscripts: `x` has 1 dimension(s) (A), but `x[a1, a2]` gives 2",
                count.problems().get(0).message());
    }

    // ------------------------------------------------------------ XMILE arrays of two dimensions

    private static final String TWO = "<dimensions><dim name=\"Row\"><elem name=\"r1\"/><elem name=\"r2\"/></dim>"
            + "<dim name=\"Col\"><elem name=\"c1\"/><elem name=\"c2\"/><elem name=\"c3\"/></dim></dimensions>";

    @Test
    void two_dimensional_xmile_arrays_slice_transpose_and_sum() {
        XmileRun r = run(model(specs(0, 0, 1, "Euler") + TWO, """
                <aux name="m"><dimensions><dim name="Row"/><dim name="Col"/></dimensions>
                  <element subscript="r1, c1"><eqn>1</eqn></element><element subscript="r1, c2"><eqn>2</eqn></element>
                  <element subscript="r1, c3"><eqn>3</eqn></element><element subscript="r2, c1"><eqn>4</eqn></element>
                  <element subscript="r2, c2"><eqn>5</eqn></element><element subscript="r2, c3"><eqn>6</eqn></element></aux>
                <aux name="t"><dimensions><dim name="Col"/><dim name="Row"/></dimensions><eqn>m[Row, Col] * 10</eqn></aux>
                <aux name="row total"><dimensions><dim name="Row"/></dimensions><eqn>SUM(m[Row, *])</eqn></aux>
                <aux name="col mean"><dimensions><dim name="Col"/></dimensions><eqn>MEAN(m[*, Col])</eqn></aux>
                <aux name="all"><eqn>SUM(m[*, *])</eqn></aux>
                <aux name="corner"><eqn>m[r2, 3]</eqn></aux>"""));
        assertEquals(60, r.column("t[c3,r2]")[0]);
        assertEquals(15, r.column("row total[r2]")[0]);
        assertEquals(2.5, r.column("col mean[c1]")[0]);
        assertEquals(21, r.column("all")[0]);
        assertEquals(6, r.column("corner")[0]);
    }

    // ------------------------------------------------------------ XMILE modules

    private static String modules(String main, String inner) {
        return "<?xml version=\"1.0\"?>\n<xmile version=\"1.0\" xmlns=\"http://docs.oasis-open.org/xmile/ns/XMILE/v1.0\">\n"
                + "<header><name>t</name></header>\n" + specs(0, 2, 1, "Euler") + "\n"
                + "<model><variables>\n" + main + "\n</variables></model>\n"
                + "<model name=\"inner\"><variables>\n" + inner + "\n</variables></model>\n</xmile>\n";
    }

    @Test
    void a_module_is_its_model_under_its_name_with_inputs_connected() {
        XmileRun r = run(modules("""
                <module name="inner"><connect to="rate" from=".growth"/></module>
                <aux name="growth"><eqn>2</eqn></aux>
                <aux name="seen"><eqn>inner.level * 10</eqn></aux>""", """
                <stock name="level"><eqn>1</eqn><inflow>gain</inflow></stock>
                <flow name="gain"><eqn>rate</eqn></flow>
                <aux name="rate"><eqn>{used when not connected}</eqn></aux>"""));
        assertArrayEquals(new double[] {1, 3, 5}, r.column("inner.level"));
        assertArrayEquals(new double[] {10, 30, 50}, r.column("seen"));
    }

    @Test
    void modules_that_contain_each_other_are_refused_at_the_module() {
        ScenarioException e = refusal(modules("<module name=\"inner\"/>", "<module name=\"inner\"/>"
                + "<aux name=\"x\"><eqn>1</eqn></aux>"));
        assertEquals("model.xmile:9:23: module `inner`: models contain each other in a cycle (inner -> inner)",
                e.problems().get(0).location() + ": " + e.problems().get(0).message());
        ScenarioException missing = refusal(modules("<module name=\"outer\"/>", ""));
        assertEquals("module `outer`: the file has no <model name=\"outer\">; it has inner", missing.problems().get(0).message());
    }
}
