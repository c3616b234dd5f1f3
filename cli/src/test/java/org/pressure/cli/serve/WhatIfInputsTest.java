package org.pressure.cli.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pressure.engine.council.CompiledScenario;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.scenario.ScenarioShape;
import org.pressure.engine.scenario.TreeLoader;

/**
 * A slider move runs the model compiled once with the levers as inputs; these pin that it gives,
 * to the last bit, what compiling the variant (as {@code pressure run --set} does) gives, for
 * every default lever of every scenario in scenarios/, at both ends of its range and inside it.
 */
class WhatIfInputsTest {

    static List<Path> scenarios() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("..", "scenarios"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted()
                    .filter(p -> !ScenarioShape.isSweep(TreeLoader.load(p))).toList();
        }
    }

    @Test
    void everyLeverMovedOnTheInputsGivesWhatCompilingTheVariantGives() throws IOException {
        int checked = 0, bound = 0;
        for (Path file : scenarios()) {
            WhatIf w = WhatIf.load(file, List.of(), false);
            for (Lever l : w.levers()) {
                if (w.bindsAsInput(l.path())) bound++;
                int n = l.values().size();
                for (int i : new int[] {0, n / 3, n - 1}) {
                    Map<String, String> values = Map.of(l.path(), l.values().get(i));
                    List<String> sets = w.overrides(values);
                    if (sets.isEmpty()) continue;
                    CouncilResult a = w.run(values), b = w.compiled(sets);
                    String what = file.getFileName() + " " + sets;
                    assertEquals(b.columns().size(), a.columns().size(), what);
                    for (CompiledScenario.Column c : b.columns()) {
                        assertArrayEquals(b.column(c.header()), a.column(c.header()), what + " " + c.header());
                    }
                    assertEquals(b.indicators().asMap(), a.indicators().asMap(), what);
                    checked++;
                }
            }
        }
        assertTrue(checked > 100, "checked " + checked);
        assertTrue(bound > 50, "levers bound as inputs: " + bound);
    }

    @Test
    void severalLeversMovedTogetherGiveTheVariant() throws IOException {
        Path barnet = Path.of("..", "scenarios", "barnet-graph-of-doom.yaml");
        WhatIf w = WhatIf.load(barnet, List.of(), false);
        List<Lever> levers = w.levers();
        assertTrue(levers.stream().allMatch(l -> w.bindsAsInput(l.path())), "every default lever of the flagship is an input");
        java.util.Random random = new java.util.Random(21);
        for (int k = 0; k < 20; k++) {
            Map<String, String> values = new java.util.LinkedHashMap<>();
            for (Lever l : levers) if (random.nextInt(3) == 0) values.put(l.path(), l.values().get(random.nextInt(l.values().size())));
            List<String> sets = w.overrides(values);
            CouncilResult b;
            try {
                b = w.compiled(sets);
            } catch (ScenarioException e) {
                assertThrows(ScenarioException.class, () -> w.run(values), sets.toString());
                continue;
            }
            CouncilResult a = w.run(values);
            for (CompiledScenario.Column c : b.columns()) {
                assertArrayEquals(b.column(c.header()), a.column(c.header()), sets + " " + c.header());
            }
            assertEquals(b.indicators().asMap(), a.indicators().asMap(), sets.toString());
        }
    }
}
