package org.pressure.engine.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressure.engine.diagnostics.ScenarioException;

class ExtendsAndOverridesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void base() throws IOException {
        Files.writeString(dir.resolve("base.yaml"), """
                name: Base
                time: {start: 2025, end: 2027}
                drivers:
                  cpi: 2%
                income:
                  tax: {start: 100, growth: cpi}
                services:
                  care: {cost: {start: 60, growth: 5%}}
                  prevention: {statutory: false, cost: 10, floor: 20%}
                  other: {statutory: false, cost: 30}
                failure_demand:
                  - {from: prevention, to: care, cost_per_m: 1, delay: 1}
                """);
    }

    @Test
    void extends_deep_merges_mappings_and_replaces_everything_else() throws IOException {
        Path child = dir.resolve("child.yaml");
        Files.writeString(child, """
                extends: base.yaml
                name: Child
                drivers:
                  pay: 3%
                services:
                  prevention: {cost: 15}
                  other: null
                failure_demand:
                  - {from: prevention, to: care, cost_per_m: 2, delay: 2}
                """);
        Scenario sc = Scenarios.load(child, List.of());
        assertEquals("Child", sc.name());
        assertEquals(List.of("cpi", "pay"), List.copyOf(sc.drivers().keySet()));
        assertEquals(List.of("care", "prevention"), List.copyOf(sc.services().keySet()), "null removes a key");
        Service prevention = sc.services().get("prevention");
        assertFalse(prevention.statutory(), "keys the child does not give come from the base");
        assertEquals(15, ((Series.Constant) prevention.cost()).value());
        assertEquals(0.2, ((Series.Constant) prevention.floor()).value());
        assertEquals(1, sc.links().size());
        assertEquals(2, sc.links().get(0).delay(), "lists are replaced whole");
        assertTrue(sc.drivers().get("cpi").location().file().endsWith("base.yaml"), "values keep their own file");
    }

    @Test
    void an_error_in_the_base_names_the_base_file() throws IOException {
        Files.writeString(dir.resolve("base.yaml"), Files.readString(dir.resolve("base.yaml")).replace("cpi: 2%", "cpi: 2%%"));
        Path child = dir.resolve("child.yaml");
        Files.writeString(child, "extends: base.yaml\nname: Child\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenarios.compile(child, List.of()));
        assertTrue(e.getMessage().contains("base.yaml:4:8"), e.getMessage());
    }

    @Test
    void extends_in_a_circle_and_a_missing_base_are_refused() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "extends: b.yaml\nname: A\n");
        Files.writeString(dir.resolve("b.yaml"), "extends: a.yaml\nname: B\n");
        ScenarioException circle = assertThrows(ScenarioException.class, () -> Scenarios.load(dir.resolve("a.yaml"), List.of()));
        assertTrue(circle.getMessage().contains("a.yaml -> b.yaml -> a.yaml"), circle.getMessage());
        Files.writeString(dir.resolve("c.yaml"), "extends: nowhere.yaml\nname: C\n");
        ScenarioException missing = assertThrows(ScenarioException.class, () -> Scenarios.load(dir.resolve("c.yaml"), List.of()));
        assertTrue(missing.getMessage().contains("c.yaml:1:10: `extends: nowhere.yaml`: no such file"), missing.getMessage());
    }

    @Test
    void set_overrides_any_value_by_path_before_validation() {
        Path base = dir.resolve("base.yaml");
        Scenario sc = Scenarios.load(base, List.of("services.prevention.floor=30%", "failure_demand.0.delay=3",
                "drivers.cpi==1% + 1%", "time.end=2030", "services.other.floor=50%", "budget.reserves.minimum=3"));
        assertEquals(0.3, ((Series.Constant) sc.services().get("prevention").floor()).value());
        assertEquals(3, sc.links().get(0).delay());
        assertTrue(sc.drivers().get("cpi") instanceof Series.Formula);
        assertEquals(2030, sc.end());
        assertEquals(0.5, ((Series.Constant) sc.services().get("other").floor()).value(), "an option left at its default may be set");
        assertEquals(3, sc.budget().minimumReserves(), "so may one whose section the file leaves out");
        CouncilResult r = CouncilCompiler.compile(sc).run();
        assertEquals(100 * 1.02 * 1.02, r.value("income", 2027), 1e-9);
    }

    @Test
    void bad_overrides_are_refused_with_the_override_named() {
        Path base = dir.resolve("base.yaml");
        ScenarioException index = assertThrows(ScenarioException.class,
                () -> Scenarios.load(base, List.of("failure_demand.4.delay=3")));
        assertTrue(index.getMessage().startsWith("--set failure_demand.4.delay=3: "), index.getMessage());
        assertTrue(index.getMessage().contains("1 item"), index.getMessage());
        ScenarioException noEquals = assertThrows(ScenarioException.class, () -> Scenarios.load(base, List.of("drivers.cpi")));
        assertTrue(noEquals.getMessage().contains("PATH=VALUE"), noEquals.getMessage());
        ScenarioException bad = assertThrows(ScenarioException.class, () -> Scenarios.load(base, List.of("drivers.cpi=2%%")));
        assertTrue(bad.getMessage().contains("--set drivers.cpi=2%%"), bad.getMessage());
        ScenarioException unknownKey = assertThrows(ScenarioException.class,
                () -> Scenarios.load(base, List.of("services.care.flor=10%")));
        assertTrue(unknownKey.getMessage().contains("did you mean `floor`?"), unknownKey.getMessage());
        ScenarioException throughScalar = assertThrows(ScenarioException.class,
                () -> Scenarios.load(base, List.of("drivers.cpi.growth=1%")));
        assertTrue(throughScalar.getMessage().contains("`drivers.cpi` is the text `2%`"), throughScalar.getMessage());
    }

    @Test
    void set_of_a_name_the_scenario_does_not_have_is_refused_with_the_nearest_name() {
        Path base = dir.resolve("base.yaml");
        ScenarioException driver = assertThrows(ScenarioException.class,
                () -> Scenarios.load(base, List.of("drivers.cpl=1.5%")));
        assertEquals("--set drivers.cpl=1.5%: the scenario has no `drivers.cpl` (did you mean `cpi`?); --set changes a "
                + "value the scenario has (names in `drivers`: cpi); to add one, write a file that `extends` the scenario",
                driver.getMessage());
        ScenarioException income = assertThrows(ScenarioException.class,
                () -> Scenarios.load(base, List.of("income.taxes=2%")));
        assertTrue(income.getMessage().startsWith("--set income.taxes=2%: the scenario has no `income.taxes` (did you "
                + "mean `tax`?)"), income.getMessage());
        ScenarioException service = assertThrows(ScenarioException.class,
                () -> Scenarios.load(base, List.of("services.libraries.cost=5")));
        assertTrue(service.getMessage().startsWith("--set services.libraries.cost=5: the scenario has no "
                + "`services.libraries`;"), service.getMessage());
        Path child = dir.resolve("values.yaml");
        ScenarioException year = assertThrows(ScenarioException.class, () -> {
            Files.writeString(child, "extends: base.yaml\ndrivers:\n  cpi: {values: {2025: 2%, 2027: 3%}}\n");
            Scenarios.load(child, List.of("drivers.cpi.values.2026=5%"));
        });
        assertTrue(year.getMessage().startsWith("--set drivers.cpi.values.2026=5%: the scenario has no "
                + "`drivers.cpi.values.2026`"), year.getMessage());
        assertEquals(0.05, ((Series.Values) Scenarios.load(child, List.of("drivers.cpi.values.2027=5%"))
                .drivers().get("cpi")).at(2027), "a year the table has may be set");
    }

    @Test
    void a_series_in_a_variant_replaces_the_bases_whole_never_year_by_year() throws IOException {
        Path growthOnly = dir.resolve("start-only.yaml");
        Files.writeString(growthOnly, "extends: base.yaml\nservices:\n  care: {cost: {start: 70}}\n");
        ScenarioException noGrowth = assertThrows(ScenarioException.class, () -> Scenarios.load(growthOnly, List.of()));
        assertTrue(noGrowth.getMessage().contains("start-only.yaml:3:16: `services.care.cost` ({start, growth}) needs "
                + "`growth`"), "the base's growth is not kept: " + noGrowth.getMessage());

        Files.writeString(dir.resolve("base.yaml"), Files.readString(dir.resolve("base.yaml"))
                .replace("tax: {start: 100, growth: cpi}", "tax: {start: 100, growth: {values: {2025: 0%, 2027: 2.99%}, "
                        + "interpolate: step}}")
                .replace("care: {cost: {start: 60, growth: 5%}}", "care: {clients: {per: 1000, rate: 2%}, unit_cost: 0.05}"));
        Path freeze = dir.resolve("freeze.yaml");
        Files.writeString(freeze, """
                extends: base.yaml
                name: Freeze from 2026
                income:
                  tax: {start: 100, growth: {values: {2026: 0%}}}
                services:
                  care:
                    clients: {rate: 3%}
                """);
        Scenario sc = Scenarios.load(freeze, List.of());
        Series.Growth tax = (Series.Growth) sc.income().get("tax");
        assertEquals(java.util.Map.of(2026, 0.0), ((Series.Values) tax.growth()).points(),
                "the variant's table is its whole table: no 2.99% from 2027 kept from the base");
        assertEquals(100, CouncilCompiler.compile(sc).run().value("income.tax", 2027), 1e-12);
        Series.Product clients = (Series.Product) sc.services().get("care").clients();
        assertEquals(1000, ((Series.Constant) clients.per()).value(), "{per, rate} over {per, rate} merges key by key");
        assertEquals(0.03, ((Series.Constant) clients.rate()).value());
    }

    @Test
    void csv_series_read_a_year_column_with_linear_interpolation() throws IOException {
        Files.writeString(dir.resolve("pop.csv"), "year,pop_65,other\n2025,100,1\n2027,120,1\n");
        Path file = dir.resolve("csv.yaml");
        Files.writeString(file, Files.readString(dir.resolve("base.yaml"))
                .replace("cpi: 2%", "cpi: 2%\n  pop: {csv: pop.csv, column: pop_65}"));
        CouncilResult r = Scenarios.compile(file, List.of()).run();
        CrossoverTest.assertArray(new double[] {100, 110, 120}, r.column("driver.pop"));

        Files.writeString(file, Files.readString(file).replace("column: pop_65", "column: pop65"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenarios.compile(file, List.of()));
        assertTrue(e.getMessage().contains("pop.csv:1:1: no column `pop65`; did you mean `pop_65`?"), e.getMessage());
        Files.writeString(dir.resolve("pop.csv"), "year,pop_65\n2025,100\n2026,lots\n");
        Files.writeString(file, Files.readString(file).replace("column: pop65", "column: pop_65"));
        ScenarioException v = assertThrows(ScenarioException.class, () -> Scenarios.compile(file, List.of()));
        assertTrue(v.getMessage().contains("pop.csv:3:1: column `pop_65`, year 2026: `lots` is not a number"), v.getMessage());
    }
}
