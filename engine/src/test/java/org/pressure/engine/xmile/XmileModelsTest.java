package org.pressure.engine.xmile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressure.engine.diagnostics.ScenarioException;

/** Small XMILE models with exact answers, one or more for every feature the importer promises. */
class XmileModelsTest {

    static final String NS = "http://docs.oasis-open.org/xmile/ns/XMILE/v1.0";

    static String model(String specs, String variables) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<xmile version=\"1.0\" xmlns=\"" + NS + "\">\n"
                + "<header><name>t</name></header>\n" + specs + "\n<model><variables>\n" + variables
                + "\n</variables></model>\n</xmile>\n";
    }

    static String specs(double start, double stop, double dt, String method) {
        return "<sim_specs method=\"" + method + "\"><start>" + start + "</start><stop>" + stop + "</stop><dt>" + dt + "</dt></sim_specs>";
    }

    static XmileRun run(String xml) {
        return XmileCompiler.compile(XmileReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "model.xmile")).run();
    }

    static XmileRun run(double stop, double dt, String variables) {
        return run(model(specs(0, stop, dt, "Euler"), variables));
    }

    static ScenarioException refusal(String xml) {
        return assertThrows(ScenarioException.class, () -> run(xml));
    }

    // ------------------------------------------------------------ integration

    @Test
    void euler_decay_is_exactly_one_minus_k_dt_to_the_n() {
        double k = 0.3, dt = 0.25;
        XmileRun r = run(10, dt, """
                <stock name="S"><eqn>100</eqn><outflow>drain</outflow></stock>
                <flow name="drain"><eqn>k * S</eqn></flow>
                <aux name="k"><eqn>0.3</eqn></aux>""");
        double[] s = r.column("S");
        assertEquals(41, s.length);
        for (int n = 0; n < s.length; n++) assertEquals(100 * Math.pow(1 - k * dt, n), s[n], 1e-9, "step " + n);
        assertEquals(10.0, r.times()[40]);
    }

    @Test
    void rk4_follows_exp_minus_t_to_one_in_a_million() {
        XmileRun r = run(model(specs(0, 5, 0.125, "RK4"), """
                <stock name="y"><eqn>1</eqn><outflow>decay</outflow></stock>
                <flow name="decay"><eqn>y</eqn></flow>"""));
        for (int i = 0; i < r.times().length; i++) {
            assertEquals(Math.exp(-r.times()[i]), r.column("y")[i], 1e-6, "t = " + r.times()[i]);
        }
    }

    @Test
    void rk4_integrates_a_time_dependent_rate_exactly_when_it_is_a_cubic() {
        // y' = 3 t^2 has y = t^3; RK4 is exact for polynomials up to degree four in t
        XmileRun r = run(model(specs(0, 2, 0.5, "rk4"), """
                <stock name="y"><eqn>0</eqn><inflow>f</inflow></stock>
                <flow name="f"><eqn>3 * TIME^2</eqn></flow>"""));
        assertEquals(8, r.column("y")[4], 1e-12);
    }

    @Test
    void reciprocal_dt_and_save_step_pick_the_rows() {
        String xml = model("<sim_specs><start>0</start><stop>2</stop><dt reciprocal=\"true\">4</dt>"
                + "<save_step>0.5</save_step></sim_specs>", "<aux name=\"t\"><eqn>TIME</eqn></aux>");
        XmileRun r = run(xml);
        assertArrayEquals(new double[] {0, 0.5, 1, 1.5, 2}, r.times());
        assertArrayEquals(new double[] {0, 0.5, 1, 1.5, 2}, r.column("t"));
    }

    @Test
    void a_stock_initialised_from_other_stocks_waits_for_them() {
        XmileRun r = run(2, 1, """
                <stock name="B"><eqn>A + C</eqn></stock>
                <stock name="A"><eqn>C * 2</eqn></stock>
                <stock name="C"><eqn>5</eqn></stock>""");
        assertEquals(15, r.column("B")[0]);
    }

    @Test
    void non_negative_stocks_stop_at_zero_and_non_negative_flows_never_go_below_it() {
        XmileRun r = run(5, 1, """
                <stock name="kept"><eqn>2</eqn><outflow>out</outflow><non_negative/></stock>
                <stock name="free"><eqn>2</eqn><outflow>out</outflow></stock>
                <flow name="out"><eqn>1</eqn></flow>
                <flow name="oneway"><eqn>-3</eqn><non_negative>TRUE</non_negative></flow>""");
        assertArrayEquals(new double[] {2, 1, 0, 0, 0, 0}, r.column("kept"));
        assertArrayEquals(new double[] {2, 1, 0, -1, -2, -3}, r.column("free"));
        assertArrayEquals(new double[6], r.column("oneway"));
    }

    @Test
    void the_behavior_section_sets_non_negative_by_default_and_a_variable_can_opt_out() {
        String xml = model(specs(0, 3, 1, "Euler") + "<behavior><stock><non_negative/></stock></behavior>", """
                <stock name="a"><eqn>1</eqn><outflow>out</outflow></stock>
                <stock name="b"><eqn>1</eqn><outflow>out</outflow><non_negative>false</non_negative></stock>
                <flow name="out"><eqn>1</eqn></flow>""");
        XmileRun r = run(xml);
        assertArrayEquals(new double[] {1, 0, 0, 0}, r.column("a"));
        assertArrayEquals(new double[] {1, 0, -1, -2}, r.column("b"));
    }

    // ------------------------------------------------------------ names and leniency

    @Test
    void names_match_ignoring_case_underscores_quotes_and_undeclared_prefixes() {
        String xml = """
                <xmile version="1.0" xmlns="http://www.systemdynamics.org/XMILE">
                <isee:prefs show_module_prefix="true"/>
                <sim_specs isee:simulation_delay="0"><start>0</start><stop>1</stop><dt>1</dt></sim_specs>
                <model><variables>
                  <aux name="Room Temperature"><eqn>70</eqn></aux>
                  <aux name="Flow w/ division, and more"><eqn>room_TEMPERATURE + 1</eqn></aux>
                  <aux name="user"><eqn>"Flow_w/_division,_and_more" * 2</eqn></aux>
                  <aux name="Line\\nBreak"><eqn>1</eqn></aux>
                </variables></model></xmile>""";
        XmileRun r = run(xml);
        assertEquals(142, r.column("USER")[1]);
        assertEquals(List_of("Room Temperature", "Flow w/ division, and more", "user", "Line Break"), r.names());
    }

    private static java.util.List<String> List_of(String... s) {
        return java.util.List.of(s);
    }

    @Test
    void results_csv_has_time_then_display_names_quoted_where_needed() throws IOException {
        XmileRun r = run(1, 0.5, "<aux name=\"a, b\"><eqn>TIME * 2</eqn></aux>");
        StringWriter w = new StringWriter();
        r.writeCsv(w);
        assertEquals("time,\"a, b\"\n0,0\n0.5,1\n1,2\n", w.toString());
    }

    @Test
    void the_cli_entry_point_reads_a_file_and_writes_results(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("decay.xmile");
        Files.writeString(file, model(specs(0, 2, 1, "Euler"), """
                <stock name="S"><eqn>8</eqn><outflow>f</outflow></stock>
                <flow name="f"><eqn>S / 2</eqn></flow>"""));
        assertTrue(Xmile.isModelFile(file));
        Xmile.load(file).run().writeCsv(dir.resolve("out/results.csv"));
        assertEquals("time,S,f\n0,8,4\n1,4,2\n2,2,1\n", Files.readString(dir.resolve("out/results.csv")));
    }

    // ------------------------------------------------------------ refusals

    @Test
    void malformed_xml_is_refused_with_its_file_and_line() {
        ScenarioException e = refusal(model(specs(0, 1, 1, "Euler"), "<aux name=\"a\"><eqn>1</eqn></flow>"));
        assertEquals("model.xmile", e.problems().get(0).location().file());
        assertEquals(6, e.problems().get(0).location().line(), "the line of the mismatched end tag");
        assertTrue(e.getMessage().contains("not well-formed XML"), e.getMessage());
    }

    @Test
    void an_unknown_function_is_named_with_its_variable_and_line() {
        ScenarioException e = refusal(model(specs(0, 1, 1, "Euler"), "<aux name=\"demand\">\n<eqn>SMOOTHE(1, 2)</eqn></aux>"));
        assertEquals(7, e.problems().get(0).location().line(), "the line of the <eqn>");
        assertTrue(e.getMessage().contains("in `demand`: unknown function `smoothe`"), e.getMessage());
    }

    @Test
    void an_unknown_name_suggests_the_nearest() {
        ScenarioException e = refusal(model(specs(0, 1, 1, "Euler"), "<aux name=\"care cost\"><eqn>1</eqn></aux><aux name=\"x\"><eqn>care_cots</eqn></aux>"));
        assertTrue(e.getMessage().contains("did you mean `care cost`?"), e.getMessage());
    }

    @Test
    void a_loop_without_a_stock_is_refused_naming_its_members() {
        ScenarioException e = refusal(model(specs(0, 1, 1, "Euler"), "<aux name=\"a\"><eqn>b</eqn></aux><aux name=\"b\"><eqn>a + 1</eqn></aux>"));
        assertTrue(e.getMessage().contains("depend on each other"), e.getMessage());
        assertTrue(e.getMessage().contains("a") && e.getMessage().contains("b"), e.getMessage());
    }

    @Test
    void an_unsupported_method_and_a_missing_stop_are_refused() {
        ScenarioException e = refusal(model("<sim_specs method=\"RK45\"><start>0</start><dt>1</dt></sim_specs>", "<aux name=\"a\"><eqn>1</eqn></aux>"));
        assertTrue(e.getMessage().contains("RK45") && e.getMessage().contains("no <stop>"), e.getMessage());
    }

    @Test
    void a_document_type_declaration_is_never_followed() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE xmile [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + model(specs(0, 1, 1, "Euler"), "<aux name=\"a\"><eqn>1</eqn><doc>&x;</doc></aux>").substring(39);
        assertThrows(ScenarioException.class, () -> run(xml));
    }

    @Test
    void missing_array_attributes_are_problems_at_their_element_not_caught_exceptions() {
        String withDims = "<?xml version=\"1.0\"?>\n<xmile version=\"1.0\" xmlns=\"" + NS + "\">\n"
                + specs(0, 2, 1, "Euler") + "\n<dimensions><dim name=\"D\"><elem name=\"a\"/>%s</dim></dimensions>\n"
                + "<model><variables><aux name=\"x\"><dimensions><dim name=\"D\"/></dimensions>%s</aux></variables></model>\n</xmile>\n";
        ScenarioException noName = refusal(withDims.formatted("<elem/>", "<element subscript=\"a\"><eqn>1</eqn></element>"));
        assertEquals("model.xmile:4:50: an <elem> of dimension `D` needs a name attribute", noName.getMessage());
        ScenarioException noSubscript = refusal(withDims.formatted("<elem name=\"b\"/>", "<element><eqn>1</eqn></element>"));
        assertTrue(noSubscript.getMessage().contains("an <element> of `x` needs a subscript attribute naming its element"),
                noSubscript.getMessage());
    }
}
