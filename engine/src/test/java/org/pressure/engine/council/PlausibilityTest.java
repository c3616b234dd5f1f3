package org.pressure.engine.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressure.engine.diagnostics.Problem;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.diagnostics.Warnings;

/** Slips of units give warnings located at the value; sane scenarios give none. */
class PlausibilityTest {
    @TempDir
    Path dir;

    private List<String> warnings(String yaml) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, yaml);
        Warnings w = Warnings.collect();
        Scenarios.compile(file, List.of(), w).run().check(w);
        return w.all().stream().map(p -> p.toString().substring(dir.toString().length() + 1)).toList();
    }

    private static final String SANE = """
            name: Sane
            time: {start: 2025, end: 2030}
            drivers:
              pop: {start: 1000, growth: 1%}
              cpi: 2%
            income:
              tax: {start: 100, growth: cpi}
            services:
              care:
                clients: {per: pop, rate: 3.2%}
                unit_cost: 0.042
              lib: {statutory: false, cost: 10}
            budget:
              cuts: in_order
              order: [lib]
              reserves: {opening: 5, minimum: 1}
            """;

    @Test
    void a_sane_scenario_has_no_warnings() throws IOException {
        assertEquals(List.of(), warnings(SANE));
    }

    @Test
    void growth_rates_written_as_whole_numbers_are_warned_at_the_value_even_through_a_name() throws IOException {
        assertEquals(List.of("s.yaml:4:30: `drivers.pop.growth` is 100% a year, beyond the 30% either way that a "
                        + "yearly rate plausibly takes; if you meant 1%, write `1%` (a plain 1 means 100%)",
                "s.yaml:5:8: `income.tax.growth` is 500% a year (through `cpi`), beyond the 30% either way that a "
                        + "yearly rate plausibly takes; if you meant 5%, write `5%` (a plain 5 means 500%)"),
                warnings(SANE.replace("growth: 1%", "growth: 1.0").replace("cpi: 2%", "cpi: 5")));
        assertEquals(List.of(), warnings(SANE.replace("growth: 1%", "growth: 30%")), "30% is at the edge, allowed");
        assertEquals(1, warnings(SANE.replace("growth: 1%", "growth: {values: {2025: 1%, 2028: -31%}}")).size());
    }

    @Test
    void client_rates_above_100_percent_and_unit_costs_in_pounds_are_warned() throws IOException {
        assertEquals(List.of("s.yaml:10:31: `services.care.clients.rate` is 320%: more clients than `pop`; a rate is a "
                        + "share of `per`; if you meant 3.2%, write `3.2%` (a plain 3.2 means 320%)",
                "s.yaml:11:16: `services.care.unit_cost` is 42000 £m per client a year, that is £42,000,000,000 a "
                        + "client; unit costs are in the scenario's units (£m), so £42,000 a client is 0.042"),
                warnings(SANE.replace("rate: 3.2%", "rate: 320%").replace("unit_cost: 0.042", "unit_cost: 42000")));
        assertEquals(List.of(), warnings(SANE.replace("name: Sane", "name: Sane\nunits: £k")
                .replace("unit_cost: 0.042", "unit_cost: 42")), "42 £k is £42,000");
    }

    @Test
    void a_unit_cost_from_an_expression_is_checked_by_the_run_in_the_first_year_it_is_out_of_scale() throws IOException {
        assertEquals(List.of("s.yaml:11:18: `services.care.unit_cost` reaches 1.5 £m per client a year in 2027/28, "
                        + "that is £1,500,000 a client; unit costs are in the scenario's units (£m)"),
                warnings(SANE.replace("unit_cost: 0.042", "unit_cost: \"=if(year >= 2027, 1.5, 0.042)\"")));
    }

    @Test
    void negative_reserves_and_a_cut_order_that_leaves_a_service_out_are_warned() throws IOException {
        assertEquals(List.of("s.yaml:16:10: `budget.order` leaves out the discretionary service `parks`, which is then "
                        + "never cut; add it to the order, or give floor: 100% to protect it on purpose",
                "s.yaml:17:23: `budget.reserves.opening` is negative (-5): the council would start with a deficit, "
                        + "not reserves; reserves are written as positive amounts",
                "s.yaml:17:36: `budget.reserves.minimum` is negative (-1): the council would plan to spend below zero "
                        + "reserves; reserves are written as positive amounts"),
                warnings(SANE.replace("lib: {statutory: false, cost: 10}",
                                "lib: {statutory: false, cost: 10}\n  parks: {statutory: false, cost: 5}")
                        .replace("opening: 5, minimum: 1", "opening: -5, minimum: -1")));
        assertEquals(List.of(), warnings(SANE.replace("lib: {statutory: false, cost: 10}",
                "lib: {statutory: false, cost: 10}\n  parks: {statutory: false, cost: 5, floor: 100%}")),
                "a service protected in full on purpose is not warned");
    }

    @Test
    void strict_turns_every_warning_into_a_located_problem() {
        Warnings w = Warnings.collect();
        w.add(new org.pressure.engine.diagnostics.Location("a.yaml", 3, 4), "odd");
        w.add(new org.pressure.engine.diagnostics.Location("a.yaml", 3, 4), "odd");
        w.add(new org.pressure.engine.diagnostics.Location("a.yaml", 1, 2), "first");
        assertEquals(List.of(new Problem(new org.pressure.engine.diagnostics.Location("a.yaml", 1, 2), "first"),
                new Problem(new org.pressure.engine.diagnostics.Location("a.yaml", 3, 4), "odd")), w.all());
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class, w::throwIfAny);
        assertEquals("a.yaml:1:2: first (refused by --strict)\na.yaml:3:4: odd (refused by --strict)", e.getMessage());
        Warnings none = Warnings.ignored();
        none.add(new org.pressure.engine.diagnostics.Location("a.yaml", 1, 1), "dropped");
        assertTrue(none.isEmpty());
    }
}
