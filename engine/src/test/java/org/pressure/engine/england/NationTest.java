package org.pressure.engine.england;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.diagnostics.Warnings;
import org.pressure.engine.sweep.SweepRunner;

/**
 * The national run on four small councils whose failure years are known by hand: each has a
 * yearly gap of {@code gap} (10 as written) against its opening reserves and no cuts, so it
 * fails in the first year its reserves go below zero.
 */
class NationTest {
    @TempDir
    Path dir;

    /** A: reserves 15, fails 2022/23; B: 25, 2023/24; C: 45, 2025/26; D: 5 and no gap, never. */
    Path folder() throws IOException {
        Path f = Files.createDirectories(dir.resolve("councils"));
        council(f, "a", 15, "gap");
        council(f, "b", 25, "gap");
        council(f, "c", 45, "gap");
        council(f, "d", 5, "0");
        Files.writeString(f.resolve(CouncilIndex.FILE), """
                code,name,class,region,file
                E99000001,Alpha,UA,,a.yaml
                E99000002,Beta,SC,,b.yaml
                E99000003,Gamma,MD,North,c.yaml
                E99000004,Delta,L,London,d.yaml
                """);
        return f;
    }

    private static void council(Path f, String name, double reserves, String gap) throws IOException {
        Files.writeString(f.resolve(name + ".yaml"), """
                name: %s
                time: {start: 2021, end: 2025}
                units: "£m"
                drivers:
                  gap: 10
                income:
                  council_tax: 100
                services:
                  care: {cost: "=100 + %s"}
                budget:
                  reserves: {opening: %s}
                """.formatted(name, gap, reserves));
    }

    @Test
    void councils_fail_in_the_years_worked_by_hand_and_the_sector_adds_up() throws IOException {
        NationRun run = Nation.load(folder(), 2, Warnings.ignored()).runOnce(2, Warnings.ignored());
        assertEquals(List.of("E99000001", "E99000002", "E99000003", "E99000004"),
                run.ranked().stream().map(c -> c.entry().code()).toList());
        assertEquals(2022, run.councils().get(0).indicators().failureYear());
        assertEquals(2023, run.councils().get(1).indicators().failureYear());
        assertEquals(2025, run.councils().get(2).indicators().failureYear());
        assertEquals(null, run.councils().get(3).indicators().failureYear());
        assertArrayEquals(new int[] {0, 1, 2, 2, 3}, run.failingBy());
        assertArrayEquals(new double[] {30, 30, 30, 30, 30}, run.sectorGap(), 1e-9);
        // reserves: each council's opening less its gaps, added up: (15 + 25 + 45 + 5) - 30 per year
        assertArrayEquals(new double[] {60, 30, 0, -30, -60}, run.sectorReserves(), 1e-9);
        assertEquals(0.15, run.councils().get(0).reservesShare(), 1e-12);
        String csv = NationWriter.councilsCsv(run);
        assertTrue(csv.startsWith("rank,code,name,class,region,failure_year,"), csv);
        assertTrue(csv.contains("\n1,E99000001,Alpha,unitary,,2022,"), csv);
    }

    /**
     * Alpha and Gamma failed. The model ranks A, B, C, D: of the four pairs of a council that failed
     * and one that did not, it orders (A,B), (A,D) and (C,D) right and (C,B) wrong: AUC 3/4. Among
     * its two riskiest, one hit (A), one false alarm (B), one miss (C at 3). Reserves share ranks
     * D (5%), A (15%), B (25%), C (45%): only (A,B) is right, AUC 1/4.
     */
    @Test
    void scores_are_the_hand_worked_ones() throws IOException {
        NationRun run = Nation.load(folder(), 1, Warnings.ignored()).runOnce(1, Warnings.ignored());
        Path outcomes = dir.resolve("outcomes.csv");
        Files.writeString(outcomes, """
                event,authority,ons_code_2023,date_or_round,cause
                s114,Alpha,E99000001,2022-11-01,
                EFS,Gamma,E99000003,2023-24 decisions,equal pay
                EFS,Elsewhere,,2020-21 decisions,
                """);
        Outcomes events = Outcomes.read(outcomes);
        Set<String> failed = Scoring.failed(run, events, null, false);
        assertEquals(Set.of("E99000001", "E99000003"), failed);
        List<Scoring.Score> scores = Scoring.score(run, failed, 0, Set.of("E99000002"));
        Scoring.Score model = scores.get(0), reserves = scores.get(2), list = scores.get(3);
        assertEquals(0.75, model.auc(), 1e-12);
        assertEquals(2, model.top());
        assertEquals(1, model.hits());
        assertEquals(List.of("Gamma"), model.misses().stream().map(Scoring.Named::name).toList());
        assertEquals(3, model.misses().get(0).rank());
        assertEquals(List.of("Beta"), model.falseAlarms().stream().map(Scoring.Named::name).toList());
        assertEquals(0.25, reserves.auc(), 1e-12);
        // the list names only Beta, which did not fail: every pair ties on the list's "not listed" or loses
        // (A,B) and (C,B): lost; (A,D) and (C,D): tied: AUC (0 + 0 + 0.5 + 0.5) / 4
        assertEquals(0.25, list.auc(), 1e-12);
        assertEquals(1, list.top());
        assertEquals(0, list.hits());
        // Gamma's only event has another cause: without it, Alpha alone failed
        assertEquals(Set.of("E99000001"), Scoring.failed(run, events, null, true));
        // events from 2023/24 on: Gamma only
        assertEquals(Set.of("E99000003"), Scoring.failed(run, events, 2023, false));
        assertEquals(List.of("Elsewhere"), Scoring.unscored(run, events).stream().map(Outcomes.Event::authority).toList());
    }

    /**
     * A national sweep of the four councils varying their shared gap: in every run, the count of
     * councils failing by each year is the number of councils whose failure year is that year or
     * earlier (read from the same row), and the rows are the same for one thread and two.
     */
    @Test
    void a_national_sweep_counts_what_its_councils_did_and_is_the_same_for_any_thread_count() throws IOException {
        Path f = folder();
        Path sweep = dir.resolve("sweep.yaml");
        Files.writeString(sweep, """
                sweep: gaps
                scenario: councils
                design: random
                runs: 300
                seed: 7
                parameters:
                  drivers.gap: {uniform: [2, 30]}
                outputs: [failure_year]
                """);
        NationModel model = NationModel.load(sweep, f, null, null, 2, Warnings.ignored());
        new SweepRunner(model, 1, null).run(dir.resolve("one"), false);
        new SweepRunner(model, 2, null).run(dir.resolve("two"), false);
        byte[] one = Files.readAllBytes(dir.resolve("one/runs.csv"));
        assertArrayEquals(one, Files.readAllBytes(dir.resolve("two/runs.csv")));
        List<String> rows = Files.readAllLines(dir.resolve("one/runs.csv"));
        assertEquals("run,drivers.gap,councils_failing@2021,councils_failing@2022,councils_failing@2023,"
                + "councils_failing@2024,councils_failing@2025,sector.cumulative_gap,sector.public_cost_total,"
                + "E99000001.failure_year,E99000002.failure_year,E99000003.failure_year,E99000004.failure_year", rows.get(0));
        assertEquals(301, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            String[] f2 = row.split(",", -1);
            double gap = Double.parseDouble(f2[1]);
            for (int y = 0; y < 5; y++) {
                int count = 0;
                for (int k = 9; k < 13; k++) if (!f2[k].isEmpty() && Integer.parseInt(f2[k]) <= 2021 + y) count++;
                assertEquals(count, Integer.parseInt(f2[2 + y]), row);
            }
            // three councils with the gap, one without, over five years
            assertEquals(3 * 5 * gap, Double.parseDouble(f2[7]), 1e-9, row);
        }
    }

    @Test
    void a_folder_without_an_index_or_with_a_council_twice_is_refused() throws IOException {
        ScenarioException none = assertThrows(ScenarioException.class, () -> Nation.load(dir, 1, Warnings.ignored()));
        assertTrue(none.getMessage().contains("has no councils-index.csv"), none.getMessage());
        Path f = folder();
        Files.writeString(f.resolve(CouncilIndex.FILE), "code,name,class,region,file\nE1,A,UA,,a.yaml\nE1,B,UA,,b.yaml\n");
        ScenarioException twice = assertThrows(ScenarioException.class, () -> Nation.load(f, 1, Warnings.ignored()));
        assertTrue(twice.getMessage().contains("councils-index.csv:3:1: council E1 is listed twice, on lines 2 and 3"),
                twice.getMessage());
    }
}
