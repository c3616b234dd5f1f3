package org.pressure.engine.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressure.engine.diagnostics.Problem;
import org.pressure.engine.diagnostics.ScenarioException;

/** Every refusal `pressure validate` promises: the file, the line, the key or names, and what would be right. */
class ValidationTest {
    @TempDir
    Path dir;

    private static final String GOOD = """
            name: Valid
            time: {start: 2025, end: 2030}
            drivers:
              cpi: 2%
            income:
              tax: {start: 100, growth: cpi}
            services:
              care: {clients: 1000, unit_cost: 0.05}
              prevention: {statutory: false, cost: 10, floor: 20%}
              other: {statutory: false, cost: 30}
            failure_demand:
              - {from: prevention, to: care, clients_per_m: 5, delay: 2}
            budget:
              cuts: in_order
              order: [other, prevention]
            """;

    private List<Problem> problems(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenarios.compile(file, List.of()));
        for (Problem p : e.problems()) assertEquals(file.toString(), p.location().file(), p.toString());
        return e.problems();
    }

    private Problem only(String text) throws IOException {
        List<Problem> ps = problems("s.yaml", text);
        assertEquals(1, ps.size(), ps.toString());
        return ps.get(0);
    }

    private static void assertAt(Problem p, int line, String... fragments) {
        assertEquals(line, p.location().line(), p.toString());
        for (String f : fragments) assertTrue(p.message().contains(f), "`" + f + "` not in: " + p);
    }

    @Test
    void the_valid_scenario_compiles() throws IOException {
        Path file = dir.resolve("good.yaml");
        Files.writeString(file, GOOD);
        assertEquals(100, Scenarios.compile(file, List.of()).run().value("income", 2025));
    }

    @Test
    void a_year_given_twice_in_values_is_refused_not_dropped() throws IOException {
        assertAt(only(GOOD.replace("cpi: 2%", "cpi: {values: {2025: 2%, \" 2025\": 3%}}")), 4, "year 2025 is given twice");
    }

    @Test
    void names_that_look_like_numbers_or_keywords_stay_names() throws IOException {
        Path file = dir.resolve("names.yaml");
        Files.writeString(file, GOOD.replace("cpi: 2%", "cpi: 2%\n  _1: 5\n  y: _1\n  big: 1_000"));
        var r = Scenarios.compile(file, List.of()).run();
        assertEquals(5, r.value("driver.y", 2025), "`_1` names the driver, it is not the number 1");
        assertEquals(1000, r.value("driver.big", 2025));
        assertAt(only(GOOD.replace("cpi: 2%", "cpi: 2%\n  not: 1")), 5, "reserves");
    }

    @Test
    void extends_cannot_be_set_from_the_command_line() throws IOException {
        Path file = dir.resolve("good.yaml");
        Files.writeString(file, GOOD);
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenarios.compile(file, List.of("extends=x.yaml")));
        assertTrue(e.getMessage().contains("cannot be set with --set"), e.getMessage());
    }

    @Test
    void unknown_key_names_the_nearest_known_one() throws IOException {
        Problem p = only(GOOD.replace("prevention: {statutory: false", "prevention: {statuory: false"));
        assertAt(p, 9, "unknown key `statuory`", "did you mean `statutory`?");
        assertEquals(16, p.location().column());
        assertAt(only(GOOD.replace("budget:", "budgett:").replace("  cuts: in_order\n  order: [other, prevention]\n", "")),
                13, "unknown key `budgett`", "did you mean `budget`?");
    }

    @Test
    void yaml_syntax_errors_name_the_line() throws IOException {
        Problem p = only(GOOD.replace("cpi: 2%", "cpi: [2%"));
        assertTrue(p.message().startsWith("YAML syntax error"), p.toString());
        assertTrue(p.location().line() >= 4, p.toString());
    }

    @Test
    void json_syntax_errors_name_the_line() throws IOException {
        List<Problem> ps = problems("s.json", "{\n  \"name\": \"x\",\n  \"time\": {\"start\": 2025 \"end\": 2030}\n}\n");
        assertEquals(1, ps.size());
        assertAt(ps.get(0), 3, "JSON syntax error");
    }

    @Test
    void json_files_are_the_same_tree() throws IOException {
        Path file = dir.resolve("s.json");
        Files.writeString(file, """
                {"name": "J", "time": {"start": 2025, "end": 2026},
                 "income": {"tax": "=100 * 2"},
                 "services": {"care": {"cost": "4%"}}}
                """);
        assertEquals(200, Scenarios.compile(file, List.of()).run().value("income", 2026));
    }

    @Test
    void unknown_name_in_an_expression_suggests_and_points_into_the_text() throws IOException {
        Problem p = only(GOOD.replace("cpi: 2%", "cpi: 2%\n  pay: \"=cpii + 1%\""));
        assertAt(p, 5, "unknown name `cpii`", "did you mean `cpi`?");
        assertEquals(10, p.location().column(), "points at `cpii` inside the quotes");
        assertAt(only(GOOD.replace("growth: cpi}", "growth: cpl}")), 6, "`cpl`", "did you mean `cpi`?");
        assertAt(only(GOOD.replace("cpi: 2%", "cpi: \"=care.cots\"")), 4, "did you mean `care.cost`?");
    }

    @Test
    void a_same_year_cycle_names_every_member() throws IOException {
        Problem p = only(GOOD.replace("cpi: 2%", "cpi: 2%\n  a: \"=b + 1\"\n  b: \"=c * 2\"\n  c: \"=a - budget_gap\""));
        assertTrue(p.message().contains("same year"), p.toString());
        for (String member : List.of("a", "b", "c")) {
            assertTrue(p.message().contains(member + " ->") || p.message().contains("-> " + member), p.toString());
        }
        Problem throughBalancing = only(GOOD.replace("other: {statutory: false, cost: 30}",
                "other: {statutory: false, cost: \"=reserves * 0.1\"}"));
        assertTrue(throughBalancing.message().contains("other.cost"), throughBalancing.toString());
        assertTrue(throughBalancing.message().contains("balancing"), throughBalancing.toString());
    }

    @Test
    void previous_breaks_a_cycle() throws IOException {
        Path file = dir.resolve("ok.yaml");
        Files.writeString(file, GOOD.replace("other: {statutory: false, cost: 30}",
                "other: {statutory: false, cost: \"=max(0, previous(reserves, 30) * 0.1)\"}"));
        assertEquals(3, Scenarios.compile(file, List.of()).run().value("service.other.cost", 2025), 1e-12,
                "previous(reserves, 30) is 30 in the first year");
    }

    @Test
    void failure_demand_delay_below_one_is_refused() throws IOException {
        assertAt(only(GOOD.replace("delay: 2", "delay: 0")), 12, "failure_demand.0.delay", "at least 1");
        assertAt(only(GOOD.replace("delay: 2", "delay: -1")), 12, "at least 1");
        assertAt(only(GOOD.replace("delay: 2", "delay: 1.5")), 12, "whole number");
    }

    @Test
    void order_naming_an_unknown_or_statutory_service_is_refused() throws IOException {
        assertAt(only(GOOD.replace("order: [other, prevention]", "order: [othr, prevention]")), 15,
                "`othr`", "not a service", "did you mean `other`?");
        assertAt(only(GOOD.replace("order: [other, prevention]", "order: [care, prevention]")), 15,
                "`care`", "statutory");
        assertAt(only(GOOD.replace("  order: [other, prevention]\n", "")), 14, "needs `budget.order`");
    }

    @Test
    void end_before_start_is_refused() throws IOException {
        assertAt(only(GOOD.replace("end: 2030", "end: 2020")), 2, "`time.end` (2020) is before `time.start` (2025)");
    }

    @Test
    void a_service_needs_exactly_one_of_cost_and_clients() throws IOException {
        assertAt(only(GOOD.replace("other: {statutory: false, cost: 30}",
                "other: {statutory: false, cost: 30, clients: 4, unit_cost: 1}")), 10, "both `cost` and `clients`");
        assertAt(only(GOOD.replace("other: {statutory: false, cost: 30}", "other: {statutory: false}")), 10,
                "needs `cost`");
        assertAt(only(GOOD.replace("care: {clients: 1000, unit_cost: 0.05}", "care: {clients: 1000}")), 8,
                "`clients` but no `unit_cost`");
    }

    @Test
    void bad_numbers_and_percentages_are_refused() throws IOException {
        assertAt(only(GOOD.replace("cpi: 2%", "cpi: 2%%")), 4, "`2%%` is not a number");
        assertAt(only(GOOD.replace("cpi: 2%", "cpi: 2,5%")), 4, "`2,5%` is not a number");
        assertAt(only(GOOD.replace("start: 100,", "start: lots,")), 6, "`lots` is not a number");
        assertAt(only(GOOD.replace("floor: 20%", "floor: 120%")), 9, "between 0% and 100%");
        assertAt(only(GOOD.replace("end: 2030", "end: 2030.5")), 2, "whole number");
    }

    @Test
    void names_must_be_identifiers_unique_and_not_reserved() throws IOException {
        assertAt(only(GOOD.replace("cpi: 2%", "cpi: 2%\n  2fast: 1")), 5, "not a valid name");
        assertAt(only(GOOD.replace("cpi: 2%", "cpi: 2%\n  income: 1")), 5, "reserves");
        assertAt(only(GOOD.replace("cpi: 2%", "cpi: 2%\n  care: 1")), 9, "already used");
    }

    @Test
    void several_problems_are_reported_together_in_file_order() throws IOException {
        List<Problem> ps = problems("s.yaml", GOOD.replace("end: 2030", "end: 2020").replace("delay: 2", "delay: 0"));
        assertEquals(2, ps.size(), ps.toString());
        assertEquals(2, ps.get(0).location().line());
        assertEquals(12, ps.get(1).location().line());
    }

    @Test
    void links_must_name_services() throws IOException {
        assertAt(only(GOOD.replace("to: care", "to: cair")), 12, "`cair`", "did you mean `care`?");
        assertAt(only(GOOD.replace("clients_per_m: 5", "clients_per_m: 5, cost_per_m: 1")), 12, "not both");
    }

    @Test
    void missing_required_keys_are_named() throws IOException {
        assertAt(only(GOOD.replace("name: Valid\n", "")), 1, "needs a `name`");
        List<Problem> ps = problems("s.yaml", GOOD.replace("time: {start: 2025, end: 2030}\n", ""));
        assertTrue(ps.get(0).message().contains("needs `time`"), ps.toString());
    }

    @Test
    void a_numeric_blow_up_names_the_variable_and_the_year() throws IOException {
        Path file = dir.resolve("blow.yaml");
        Files.writeString(file, GOOD.replace("cpi: 2%", "cpi: 2%\n  boom: \"=1 / (year - 2027)\""));
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenarios.compile(file, List.of()).run());
        assertTrue(e.getMessage().contains("driver.boom became infinite in 2027/28"), e.getMessage());
        assertEquals(5, e.problems().get(0).location().line(), "points at the driver, not the top of the file");
    }
}
