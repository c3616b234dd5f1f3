package org.pressure.engine.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Generated code gives the interpreter's numbers to the last bit, for every column of every year. */
class GeneratedCodeTest {

    static LongStream seeds() {
        return LongStream.range(1, 121);
    }

    static Stream<Path> scenarioFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "scenarios"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream()
                    .filter(p -> {
                        try {
                            return !Files.readString(p).startsWith("sweep:") && !Files.readString(p).contains("\nsweep:");
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    });
        }
    }

    private static void assertSame(CompiledScenario c, String why) {
        CouncilResult interpreted = c.run();
        int[] coverage = c.model().javaCoverage();
        // every part is a formula, written out in generated code, except the two procedures of each
        // cohort (its people, its rates), which the interpreter and generated code both call
        assertEquals(coverage[1] - 2 * c.scenario().part2().cohorts().size(), coverage[0],
                why + ": every part but the cohorts' is a formula");
        assertTrue(c.model().generateCode(), c.model().generationFailure());
        assertTrue(c.model().usesGeneratedCode(), why);
        CouncilResult generated = c.run();
        for (CompiledScenario.Column col : c.columns()) {
            double[] a = interpreted.column(col.header()), b = generated.column(col.header());
            for (int i = 0; i < a.length; i++) {
                assertEquals(Double.doubleToLongBits(a[i]), Double.doubleToLongBits(b[i]),
                        why + ": " + col.header() + " in year " + (c.scenario().start() + i) + ": " + a[i] + " vs " + b[i]);
            }
        }
        assertEquals(interpreted.indicators(), generated.indicators(), why);
        // an indicator worked out alone, as sweeps read one, is the one worked out with the rest
        double[][] w = c.model().newWorkspace();
        double[] none = new double[c.model().inputCount()];
        c.runOnly(w, none);
        Indicators all = c.indicators(w);
        for (Indicator i : Indicator.values()) {
            assertEquals(Double.doubleToLongBits(all.number(i)), Double.doubleToLongBits(c.indicator(i, w)), why + ": " + i);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void random_scenarios(long seed) {
        String yaml = RandomScenarios.generate(seed);
        assertSame(CouncilCompiler.compile(Scenarios4Test.parse(yaml)), "seed " + seed + "\n" + yaml);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarioFiles")
    void every_scenario_file(Path file) {
        assertSame(Scenarios.compile(file, List.of()), file.toString());
    }

    @org.junit.jupiter.api.Test
    void a_value_that_is_not_finite_is_named_the_same_way_in_generated_code() {
        String yaml = """
                name: Blows up
                time: {start: 2025, end: 2035}
                drivers:
                  x: "=1 / (year - 2030)"
                  y: "=x * 2"
                income:
                  tax: 100
                services:
                  care: {cost: "=50 + 0 * y"}
                """;
        CompiledScenario c = CouncilCompiler.compile(Scenarios4Test.parse(yaml));
        String interpreted = org.junit.jupiter.api.Assertions.assertThrows(
                org.pressure.engine.diagnostics.ScenarioException.class, c::run).getMessage();
        assertTrue(interpreted.contains("driver.x became infinite in 2030/31"), interpreted);
        assertTrue(c.model().generateCode(), c.model().generationFailure());
        String generated = org.junit.jupiter.api.Assertions.assertThrows(
                org.pressure.engine.diagnostics.ScenarioException.class, c::run).getMessage();
        assertEquals(interpreted, generated);
    }
}
