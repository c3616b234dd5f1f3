package org.pressure.engine.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.Scenarios;
import org.pressure.engine.diagnostics.ScenarioException;

class SweepTest {
    @TempDir
    Path dir;

    static final String SCENARIO = """
            name: Sweep base
            time: {start: 2025, end: 2040}
            drivers:
              pop: {start: 1000, growth: 2%}
            income:
              tax: {start: 100, growth: 2%}
            services:
              care: {clients: {per: pop, rate: 5%}, unit_cost: {start: 1, growth: 3%}}
              prevention: {statutory: false, cost: 10, floor: 20%}
              other: {statutory: false, cost: 30}
            failure_demand:
              - {from: prevention, to: care, clients_per_m: 2, delay: 2}
            budget:
              reserves: {opening: 20, minimum: 5}
            """;

    private Path sweep(String design, int runs, String extra) throws IOException {
        Files.writeString(dir.resolve("base.yaml"), SCENARIO);
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, """
                sweep: Test sweep
                scenario: base.yaml
                design: %s
                runs: %d
                seed: 42
                parameters:
                  drivers.pop.growth: {uniform: [1%%, 3%%]}
                  services.care.unit_cost.growth: {triangular: [2%%, 3%%, 6%%]}
                  failure_demand.0.clients_per_m: {normal: [2, 1], min: 0}
                  income.tax.growth: {values: [1%%, 2%%, 4.99%%]}
                outputs: [crossover_year, gap_year, reserves_exhausted_year, cumulative_gap, "reserves@end", "service.care.cost@2030"]
                %s
                """.formatted(design, runs, extra));
        return file;
    }

    private SweepResult run(Path sweepFile, Path out, int threads, boolean resume) throws IOException {
        SweepModel model = SweepModel.load(sweepFile, null, null);
        SweepResult r = new SweepRunner(model, threads, null).run(out, resume);
        SweepWriter.writeSummary(r, out.resolve("summary.json"));
        SweepWriter.writeSensitivity(r, out.resolve("sensitivity.csv"));
        return r;
    }

    private static List<String[]> rows(Path csv) throws IOException {
        List<String[]> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        for (String l : lines.subList(1, lines.size())) out.add(l.split(",", -1));
        return out;
    }

    @Test
    void the_scenario_is_compiled_once_with_each_parameter_an_input() throws IOException {
        SweepModel model = SweepModel.load(sweep("random", 10, ""), null, null);
        assertEquals(model.spec().parameters().size(), model.model().inputCount());
        // a run without values keeps every parameter as the scenario writes it
        double[] asWritten = new double[model.model().inputCount()];
        java.util.Arrays.fill(asWritten, Double.NaN);
        CouncilResult base = model.base().run(), same = model.run(asWritten);
        assertArrayEquals(base.column("reserves"), same.column("reserves"));
    }

    @Test
    void the_first_value_of_a_growth_series_is_an_input_too_and_runs_as_set_would() throws IOException {
        Path file = sweep("random", 20, "");
        Files.writeString(file, Files.readString(file).replace("income.tax.growth: {values: [1%, 2%, 4.99%]}",
                "drivers.pop.start: {uniform: [800, 1200]}"));
        SweepModel model = SweepModel.load(file, null, null);
        for (double start : new double[] {800, 1013.5, 1200}) {
            double[] values = {0.02, 0.03, 2, start};
            CouncilResult swept = model.run(values);
            CouncilResult set = Scenarios.compile(dir.resolve("base.yaml"), List.of("drivers.pop.growth=0.02",
                    "services.care.unit_cost.growth=0.03", "failure_demand.0.clients_per_m=2", "drivers.pop.start=" + start)).run();
            assertArrayEquals(set.column("reserves"), swept.column("reserves"), "start " + start);
            assertEquals(start, swept.column("driver.pop")[0]);
        }
    }

    @Test
    void a_swept_minimum_reserve_keeps_a_part_1_scenario_in_part_1() throws IOException {
        Path file = sweep("random", 20, "");
        Files.writeString(file, Files.readString(file).replace("income.tax.growth: {values: [1%, 2%, 4.99%]}",
                "budget.reserves.minimum: {uniform: [0, 15]}"));
        SweepModel model = SweepModel.load(file, null, null);
        assertFalse(model.base().scenario().part2().used(), "the base run is the scenario as `run` runs it");
        CouncilResult plain = Scenarios.compile(dir.resolve("base.yaml"), List.of()).run();
        assertEquals(plain.indicators(), model.base().run().indicators());
        for (double minimum : new double[] {0, 7.5, 15}) {
            CouncilResult swept = model.run(new double[] {Double.NaN, Double.NaN, Double.NaN, minimum});
            CouncilResult set = Scenarios.compile(dir.resolve("base.yaml"), List.of("budget.reserves.minimum=" + minimum)).run();
            assertArrayEquals(set.column("reserves"), swept.column("reserves"), "minimum " + minimum);
            assertEquals(set.indicators(), swept.indicators(), "minimum " + minimum);
        }
    }

    @Test
    void the_opening_reserves_are_an_input_too_and_run_as_set_would() throws IOException {
        Path file = sweep("random", 20, "");
        Files.writeString(file, Files.readString(file).replace("income.tax.growth: {values: [1%, 2%, 4.99%]}",
                "budget.reserves.opening: {uniform: [0, 60]}"));
        SweepModel model = SweepModel.load(file, null, null);
        for (double opening : new double[] {0, 8, 60}) {
            CouncilResult swept = model.run(new double[] {Double.NaN, Double.NaN, Double.NaN, opening});
            CouncilResult set = Scenarios.compile(dir.resolve("base.yaml"), List.of("budget.reserves.opening=" + opening)).run();
            assertArrayEquals(set.column("reserves"), swept.column("reserves"), "opening " + opening);
            assertEquals(set.indicators(), swept.indicators(), "opening " + opening);
        }
        assertEquals(Scenarios.compile(dir.resolve("base.yaml"), List.of()).run().indicators(), model.base().run().indicators());
    }

    @Test
    void one_and_two_threads_write_identical_files() throws IOException {
        Path file = sweep("latin_hypercube", 700, "");
        run(file, dir.resolve("one"), 1, false);
        run(file, dir.resolve("two"), 2, false);
        for (String f : List.of("runs.csv", "summary.json")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("one").resolve(f)), Files.readAllBytes(dir.resolve("two").resolve(f)), f);
        }
        assertEquals(701, Files.readAllLines(dir.resolve("one/runs.csv")).size());
    }

    @Test
    void every_latin_hypercube_stratum_is_used_exactly_once() throws IOException {
        int n = 1000;
        SweepModel model = SweepModel.load(sweep("latin_hypercube", n, ""), null, null);
        Plan.LatinHypercube plan = (Plan.LatinHypercube) Plan.of(model.spec());
        for (int j = 0; j < 4; j++) {
            Set<Integer> strata = new HashSet<>();
            for (int run = 0; run < n; run++) strata.add(plan.stratum(run, j));
            assertEquals(n, strata.size(), "parameter " + j);
        }
        // and the values land in their strata: for the uniform [1%, 3%] parameter, floor((x - 1%) / 2% * n)
        Set<Integer> seen = new HashSet<>();
        for (int run = 0; run < n; run++) seen.add((int) Math.floor((plan.values(run)[0] - 0.01) / 0.02 * n));
        assertEquals(n, seen.size());
    }

    @Test
    void truncation_keeps_every_sample_inside_min_and_max() throws IOException {
        SweepModel model = SweepModel.load(sweep("random", 5000, ""), null, null);
        Plan plan = Plan.of(model.spec());
        double below = 0;
        for (int run = 0; run < 5000; run++) {
            double x = plan.values(run)[2];
            assertTrue(x >= 0, "normal [2, 1] with min 0 gave " + x);
            if (x < 2) below++;
        }
        // truncating N(2, 1) at 0 removes 2.3% of the mass below the mean: P(x < 2) = (0.5 - 0.0228) / 0.9772
        assertEquals((0.5 - 0.02275) / (1 - 0.02275), below / 5000, 0.02);
    }

    @Test
    void summary_percentiles_and_counts_agree_with_runs_csv() throws IOException {
        Path out = dir.resolve("s");
        SweepResult r = run(sweep("random", 999, ""), out, 2, false);
        List<String[]> rows = rows(out.resolve("runs.csv"));
        for (int j = 0; j < r.outputs().size(); j++) {
            SweepResult.OutputSummary o = r.outputs().get(j);
            int column = 1 + 4 + j;
            double[] v = rows.stream().map(row -> row[column]).filter(s -> !s.isEmpty()).mapToDouble(Double::parseDouble)
                    .sorted().toArray();
            assertEquals(v.length, o.count(), o.name());
            assertEquals(999 - v.length, o.missing(), o.name());
            if (v.length == 0) continue;
            assertEquals(v[0], o.min(), o.name());
            assertEquals(v[v.length - 1], o.max(), o.name());
            assertEquals(percentile(v, 0.05), o.p5(), 1e-12 * Math.abs(o.p5()), o.name());
            assertEquals(percentile(v, 0.5), o.p50(), 1e-12 * Math.abs(o.p50()), o.name());
            assertEquals(percentile(v, 0.95), o.p95(), 1e-12 * Math.abs(o.p95()), o.name());
            assertEquals(Arrays.stream(v).average().orElseThrow(), o.mean(), 1e-9 * Math.abs(o.mean()) + 1e-12, o.name());
            if (o.isYear()) {
                long byEnd = Arrays.stream(v).filter(x -> x <= 2030).count();
                assertEquals((double) byEnd / 999, o.byYear().get(2030), 1e-15, o.name());
            }
        }
    }

    static double percentile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    @Test
    void a_sampled_row_re_run_with_set_gives_the_same_outputs() throws IOException {
        Path out = dir.resolve("r");
        run(sweep("latin_hypercube", 50, ""), out, 2, false);
        List<String> header = List.of(Files.readAllLines(out.resolve("runs.csv")).get(0).split(","));
        for (String[] row : rows(out.resolve("runs.csv")).subList(0, 10)) {
            List<String> sets = new ArrayList<>();
            for (int j = 1; j <= 4; j++) sets.add(header.get(j) + "=" + row[j]);
            CouncilResult r = Scenarios.compile(dir.resolve("base.yaml"), sets).run();
            assertEquals(row[5], r.indicators().crossoverYear() == null ? "" : r.indicators().crossoverYear().toString());
            assertEquals(Double.parseDouble(row[8]), r.indicators().cumulativeGap());
            assertEquals(Double.parseDouble(row[9]), r.value("reserves", 2040));
            assertEquals(Double.parseDouble(row[10]), r.value("service.care.cost", 2030));
        }
    }

    @Test
    void resume_after_an_interruption_ends_with_the_same_files() throws IOException {
        Path file = sweep("latin_hypercube", 1000, "");
        Path whole = dir.resolve("whole");
        run(file, whole, 2, false);
        Path cut = dir.resolve("cut");
        Files.createDirectories(cut);
        // as a kill leaves it: 400 finished rows and a torn one
        List<String> lines = Files.readAllLines(whole.resolve("runs.csv"));
        String torn = String.join("\n", lines.subList(0, 401)) + "\n" + lines.get(401).substring(0, 7);
        Files.writeString(cut.resolve(SweepRunner.PARTIAL), torn);
        run(file, cut, 2, true);
        assertFalse(Files.exists(cut.resolve(SweepRunner.PARTIAL)), "the partial rows became runs.csv");
        assertArrayEquals(Files.readAllBytes(whole.resolve("runs.csv")), Files.readAllBytes(cut.resolve("runs.csv")));
        assertArrayEquals(Files.readAllBytes(whole.resolve("summary.json")), Files.readAllBytes(cut.resolve("summary.json")));
    }

    @Test
    void resume_reads_kept_rows_back_rather_than_running_them_again() throws IOException {
        Path file = sweep("random", 1000, "trajectories: []");
        Path whole = dir.resolve("whole");
        run(file, whole, 2, false);
        List<String> lines = Files.readAllLines(whole.resolve("runs.csv"));
        int column = lines.get(0).split(",").length - 2; // reserves@end
        // row 5 (not the first of its chunk) with another output: kept as it is, so not run again
        String[] row5 = lines.get(6).split(",", -1);
        row5[column] = "-12345";
        List<String> edited = new ArrayList<>(lines.subList(0, 701));
        edited.set(6, String.join(",", row5));
        Path cut = dir.resolve("cut");
        Files.createDirectories(cut);
        Files.writeString(cut.resolve(SweepRunner.PARTIAL), String.join("\n", edited) + "\n");
        SweepResult r = run(file, cut, 2, true);
        assertEquals(1000, r.runs());
        assertEquals(-12345, r.outputs().get(column - 5).min(), "the kept row was read back, not run again");
        assertEquals(String.join(",", row5), Files.readAllLines(cut.resolve("runs.csv")).get(6));
        List<String> rest = Files.readAllLines(cut.resolve("runs.csv"));
        assertEquals(lines.subList(7, lines.size()), rest.subList(7, rest.size()), "every other row as a whole sweep writes it");

        // a kept row whose parameters are not this sweep's, or a first row of a chunk that this
        // scenario no longer gives, is refused
        for (int[] change : new int[][] {{6, 1}, {1, column}}) {
            List<String> bad = new ArrayList<>(lines.subList(0, 701));
            String[] f = bad.get(change[0]).split(",", -1);
            f[change[1]] = "0.5";
            bad.set(change[0], String.join(",", f));
            Path again = dir.resolve("again" + change[0]);
            Files.createDirectories(again);
            Files.writeString(again.resolve(SweepRunner.PARTIAL), String.join("\n", bad) + "\n");
            ScenarioException e = assertThrows(ScenarioException.class, () -> run(file, again, 2, true));
            assertTrue(e.getMessage().contains("--resume: row " + (change[0] - 1) + " of the existing runs.csv differs"),
                    e.getMessage());
        }
    }

    /** A sweep whose run with x in [0.512, 0.513) is refused: one run of 1000 in a Latin hypercube over [0, 1]. */
    private Path sweepRefusedPartWay() throws IOException {
        Files.writeString(dir.resolve("base.yaml"), SCENARIO.replace("pop: {start: 1000, growth: 2%}",
                "pop: {start: 1000, growth: 2%}\n  x: 0.5").replace("other: {statutory: false, cost: 30}",
                "other: {statutory: false, cost: \"=if(x >= 0.512 and x < 0.513, ln(0), 30)\"}"));
        Path file = dir.resolve("refused.yaml");
        Files.writeString(file, """
                sweep: Refused part-way
                scenario: base.yaml
                design: latin_hypercube
                runs: 1000
                seed: 1
                parameters:
                  drivers.x: {uniform: [0, 1]}
                outputs: [cumulative_gap]
                """);
        return file;
    }

    @Test
    void a_sweep_refused_part_way_writes_nothing_and_loses_nothing() throws IOException {
        Path out = dir.resolve("kept");
        run(sweep("random", 300, ""), out, 2, false);
        byte[] runs = Files.readAllBytes(out.resolve("runs.csv")), summary = Files.readAllBytes(out.resolve("summary.json"));
        Path refused = sweepRefusedPartWay();
        ScenarioException e = assertThrows(ScenarioException.class, () -> run(refused, out, 2, false));
        assertTrue(e.getMessage().contains("run "), e.getMessage());
        assertArrayEquals(runs, Files.readAllBytes(out.resolve("runs.csv")), "the earlier runs.csv is kept whole");
        assertArrayEquals(summary, Files.readAllBytes(out.resolve("summary.json")));
        try (var files = Files.list(out)) {
            assertEquals(List.of("runs.csv", "summary.json"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "no partial file, no lock left");
        }
    }

    @Test
    void a_second_sweep_into_a_locked_folder_is_refused_naming_the_holder() throws IOException {
        Path file = sweep("random", 50, "");
        Path out = dir.resolve("locked");
        Files.createDirectories(out);
        try (FolderLock held = FolderLock.take(out)) {
            ScenarioException e = assertThrows(ScenarioException.class, () -> run(file, out, 1, false));
            assertTrue(e.getMessage().startsWith("--out " + out + ": another sweep is writing into this folder (process "
                    + ProcessHandle.current().pid()), e.getMessage());
        }
        run(file, out, 1, false);
        assertFalse(Files.exists(out.resolve(SweepRunner.LOCK)), "the lock goes with the sweep");
    }

    @Test
    void runs_csv_never_writes_through_a_link_and_a_folder_in_its_place_is_refused() throws IOException {
        Path file = sweep("random", 50, "");
        Path out = dir.resolve("linked");
        Files.createDirectories(out);
        Path target = dir.resolve("precious.txt");
        Files.writeString(target, "keep me");
        Files.createSymbolicLink(out.resolve("runs.csv"), target);
        run(file, out, 1, false);
        assertEquals("keep me", Files.readString(target));
        assertTrue(Files.isRegularFile(out.resolve("runs.csv"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        Path dirOut = dir.resolve("dir");
        Files.createDirectories(dirOut.resolve("runs.csv"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> run(file, dirOut, 1, true));
        assertEquals(dirOut.resolve("runs.csv") + ": is not an ordinary file (a folder or a link); move it away, or "
                + "choose another --out folder", e.getMessage());
    }

    @Test
    void resume_refuses_a_runs_csv_from_another_sweep() throws IOException {
        Path file = sweep("random", 300, "");
        Path out = dir.resolve("x");
        run(file, out, 1, false);
        Path other = sweep("random", 300, "").resolveSibling("sweep.yaml");
        Files.writeString(other, Files.readString(other).replace("seed: 42", "seed: 43"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> run(other, out, 1, true));
        assertTrue(e.getMessage().contains("differs"), e.getMessage());
    }

    @Test
    void sobol_indices_of_the_ishigami_function_match_their_analytic_values() throws IOException {
        ishigami(8192, 0, 0.02);
    }

    @Test
    void sobol_indices_do_not_depend_on_where_the_output_sits() throws IOException {
        // a year-like offset must not swamp the first-order estimator with noise
        ishigami(2048, 2031, 0.05);
    }

    private void ishigami(int n, double offset, double tolerance) throws IOException {
        Files.writeString(dir.resolve("ishigami.yaml"), """
                name: Ishigami
                time: {start: 2025, end: 2025}
                drivers:
                  x1: 0
                  x2: 0
                  x3: 0
                  y: "=sin(x1) + 7 * sin(x2)^2 + 0.1 * x3^4 * sin(x1) + %s"
                """.formatted(offset));
        Path file = dir.resolve("ishigami-sweep.yaml");
        Files.writeString(file, """
                sweep: Ishigami
                scenario: ishigami.yaml
                design: sobol
                runs: %d
                seed: 3
                parameters:
                  drivers.x1: {uniform: [-3.141592653589793, 3.141592653589793]}
                  drivers.x2: {uniform: [-3.141592653589793, 3.141592653589793]}
                  drivers.x3: {uniform: [-3.141592653589793, 3.141592653589793]}
                outputs: ["driver.y@end"]
                trajectories: []
                """.formatted(n));
        SweepResult r = run(file, dir.resolve("ishigami"), 2, false);
        double[] s1 = {0.314, 0.442, 0.000}, st = {0.558, 0.442, 0.244};
        for (int j = 0; j < 3; j++) {
            double[] v = r.sensitivity().get(j).values();
            assertEquals(s1[j], v[0], tolerance, "S1 of x" + (j + 1));
            assertEquals(st[j], v[2], tolerance, "ST of x" + (j + 1));
            assertTrue(v[1] > 0 && v[1] < 0.15 && v[3] > 0 && v[3] < 0.15, "confidence half-widths " + Arrays.toString(v));
        }
        assertEquals(n * 5, r.runs());
    }

    @Test
    void morris_elementary_effects_of_a_linear_model_are_its_slopes() throws IOException {
        Files.writeString(dir.resolve("linear.yaml"), """
                name: Linear
                time: {start: 2025, end: 2025}
                drivers:
                  a: 0
                  b: 0
                  y: "=3 * a - 0 * b"
                """);
        Path file = dir.resolve("morris.yaml");
        Files.writeString(file, """
                sweep: Morris
                scenario: linear.yaml
                design: morris
                runs: 20
                levels: 4
                parameters:
                  drivers.a: {uniform: [0, 2]}
                  drivers.b: {uniform: [0, 1]}
                outputs: ["driver.y@end"]
                trajectories: []
                """);
        SweepResult r = run(file, dir.resolve("morris"), 1, false);
        // y changes by 3 * 2 = 6 across a's whole range; effects are per unit of the range
        assertEquals(6, r.sensitivity().get(0).values()[0], 1e-9);
        assertEquals(0, r.sensitivity().get(0).values()[2], 1e-9);
        assertEquals(0, r.sensitivity().get(1).values()[0], 1e-12);
        assertEquals(20 * 3, r.runs());
    }

    @Test
    void one_at_a_time_swings_each_parameter_from_low_to_high() throws IOException {
        Files.writeString(dir.resolve("linear.yaml"), """
                name: Linear
                time: {start: 2025, end: 2025}
                drivers:
                  a: 1
                  b: 1
                  y: "=3 * a + b"
                """);
        Path file = dir.resolve("oat.yaml");
        Files.writeString(file, """
                sweep: OAT
                scenario: linear.yaml
                design: one_at_a_time
                parameters:
                  drivers.a: {uniform: [0, 2]}
                  drivers.b: {values: [5, -5, 0]}
                outputs: ["driver.y@end"]
                trajectories: []
                """);
        Path out = dir.resolve("oat");
        SweepResult r = run(file, out, 1, false);
        assertArrayEquals(new double[] {1, 7, 6}, r.sensitivity().get(0).values(), 1e-12);
        assertArrayEquals(new double[] {-2, 8, 10}, r.sensitivity().get(1).values(), 1e-12);
        List<String> csv = Files.readAllLines(out.resolve("runs.csv"));
        assertEquals("0,,,4", csv.get(1), "the base case keeps the scenario's own values");
        assertEquals("output,parameter,low,high,swing", Files.readAllLines(out.resolve("sensitivity.csv")).get(0));
    }

    @Test
    void a_grid_runs_every_combination() throws IOException {
        Path file = sweep("grid", 0, "levels: 3");
        SweepResult r = run(file, dir.resolve("g"), 2, false);
        assertEquals(3 * 3 * 3 * 3, r.runs());
        List<String[]> rows = rows(dir.resolve("g/runs.csv"));
        assertEquals(Set.of("0.01", "0.02", "0.03"), Set.copyOf(rows.stream().map(x -> x[1]).toList()));
    }

    @Test
    void bad_sweep_files_are_refused_naming_the_file_and_line() throws IOException {
        Path file = sweep("random", 10, "");
        Files.writeString(file, Files.readString(file).replace("drivers.pop.growth", "drivers.pop.groth"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> SweepModel.load(file, null, null));
        assertTrue(e.getMessage().contains("sweep.yaml:7:3") && e.getMessage().contains("did you mean `growth`?"), e.getMessage());
        Files.writeString(file, Files.readString(file).replace("drivers.pop.groth", "drivers.pop.growth")
                .replace("design: random", "design: sobolx"));
        ScenarioException d = assertThrows(ScenarioException.class, () -> SweepModel.load(file, null, null));
        assertTrue(d.getMessage().contains("did you mean `sobol`?"), d.getMessage());
        Files.writeString(file, Files.readString(file).replace("design: sobolx", "design: sobol").replace("runs: 10", "runs: 100"));
        ScenarioException p = assertThrows(ScenarioException.class, () -> SweepModel.load(file, null, null));
        assertTrue(p.getMessage().contains("power of two"), p.getMessage());
        Files.writeString(file, Files.readString(file).replace("design: sobol", "design: random")
                .replace("\"reserves@end\"", "\"reserve@end\""));
        ScenarioException o = assertThrows(ScenarioException.class, () -> SweepModel.load(file, null, null));
        assertTrue(o.getMessage().contains("did you mean `reserves`?"), o.getMessage());
        Files.writeString(file, Files.readString(file).replace("\"reserve@end\"", "\"reserves@end\"")
                .replace("{uniform: [1%, 3%]}", "{uniform: [3%, 1%]}"));
        ScenarioException u = assertThrows(ScenarioException.class, () -> SweepModel.load(file, null, null));
        assertTrue(u.getMessage().contains("low < high"), u.getMessage());
    }

    @Test
    void a_path_that_is_not_a_series_is_refused_with_the_reason_at_the_parameter() throws IOException {
        Path file = sweep("random", 20, "");
        String text = Files.readString(file).replace("income.tax.growth: {values: [1%, 2%, 4.99%]}",
                "time.end: {values: [2035, 2040]}");
        Files.writeString(file, text);
        ScenarioException e = assertThrows(ScenarioException.class, () -> SweepModel.load(file, null, null));
        assertEquals(1, e.problems().size(), e.getMessage());
        var where = e.problems().get(0).location();
        assertEquals(file.toString(), where.file(), "the refusal points at the sweep file");
        assertEquals(text.lines().toList().indexOf(text.lines().filter(l -> l.contains("time.end")).findFirst()
                .orElseThrow()) + 1, where.line(), "at the parameter's line");
        assertTrue(e.getMessage().contains("`time.end` is one fixed number")
                && e.getMessage().contains("cannot be an input"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("slow")), "nothing was written");
    }

    @Test
    void runs_given_on_the_command_line_are_checked_like_the_files() throws IOException {
        Path file = sweep("sobol", 256, "");
        ScenarioException e = assertThrows(ScenarioException.class, () -> SweepModel.load(file, 100, null));
        assertTrue(e.getMessage().startsWith("--runs 100: ") && e.getMessage().contains("power of two"), e.getMessage());
        Path random = sweep("random", 10, "");
        assertThrows(ScenarioException.class, () -> SweepModel.load(random, 200_000_000, null));
        Files.writeString(random, Files.readString(random).replace("design: random", "design: sobol").replace("runs: 10\n", ""));
        assertEquals(1024, SweepModel.load(random, null, null).spec().runs(), "sobol's default base sample is a power of two");
    }

    @Test
    void a_grid_beyond_the_run_limit_is_refused_before_it_starts() throws IOException {
        Path file = sweep("grid", 0, "levels: 1000");
        ScenarioException e = assertThrows(ScenarioException.class, () -> SweepModel.load(file, null, null));
        assertTrue(e.getMessage().contains("would make") && e.getMessage().contains("the limit is"), e.getMessage());
    }

    @Test
    void resume_with_fewer_runs_keeps_only_the_runs_of_this_sweep() throws IOException {
        Path file = sweep("random", 500, "");
        Path out = dir.resolve("fewer");
        run(file, out, 1, false);
        SweepModel model = SweepModel.load(file, 300, null);
        new SweepRunner(model, 1, null).run(out, true);
        assertEquals(301, Files.readAllLines(out.resolve("runs.csv")).size());
        Path fresh = dir.resolve("fresh");
        new SweepRunner(SweepModel.load(file, 300, null), 1, null).run(fresh, false);
        assertArrayEquals(Files.readAllBytes(fresh.resolve("runs.csv")), Files.readAllBytes(out.resolve("runs.csv")));
    }

    @Test
    void a_range_the_scenario_cannot_take_is_refused_before_the_sweep_starts() throws IOException {
        Path file = sweep("random", 20, "");
        Files.writeString(file, Files.readString(file).replace("income.tax.growth: {values: [1%, 2%, 4.99%]}",
                "services.prevention.floor: {uniform: [50%, 140%]}"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> SweepModel.load(file, null, null));
        assertTrue(e.getMessage().contains("parameter `services.prevention.floor` at 1.4")
                && e.getMessage().contains("from 0% to 100%"), e.getMessage());
        Files.writeString(file, Files.readString(file).replace("services.prevention.floor: {uniform: [50%, 140%]}",
                "failure_demand.0.delay: {uniform: [1, 3]}"));
        ScenarioException d = assertThrows(ScenarioException.class, () -> SweepModel.load(file, null, null));
        assertTrue(d.getMessage().contains("`failure_demand.0.delay` is one fixed number")
                && d.getMessage().contains("cannot be an input"), d.getMessage());
        Files.writeString(file, Files.readString(file).replace("failure_demand.0.delay: {uniform: [1, 3]}", "name: {values: [1]}"));
        ScenarioException n = assertThrows(ScenarioException.class, () -> SweepModel.load(file, null, null));
        assertTrue(n.getMessage().contains("only numbers under"), n.getMessage());
    }

    @Test
    void a_log_normal_truncated_above_only_is_not_treated_as_a_range() {
        Distribution d = Distribution.lognormal(3, 0.25, Double.NEGATIVE_INFINITY, 7.78);
        assertTrue(!d.bounded());
        assertTrue(d.low() > 1.5, "one-at-a-time low end is its 5th percentile, not 0: " + d.low());
        assertTrue(Distribution.uniform(1, 2, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY).bounded());
    }

    @Test
    void percentiles_selected_from_the_spilled_outputs_equal_those_kept_in_memory() throws IOException {
        Path file = sweep("latin_hypercube", 999, "");
        run(file, dir.resolve("memory"), 2, false);
        SweepRunner.inMemoryValues = 10;
        try {
            run(file, dir.resolve("reread"), 2, false);
        } finally {
            SweepRunner.inMemoryValues = SweepRunner.IN_MEMORY_VALUES;
        }
        assertArrayEquals(Files.readAllBytes(dir.resolve("memory/summary.json")),
                Files.readAllBytes(dir.resolve("reread/summary.json")));
        try (var files = Files.list(dir.resolve("reread"))) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bin")).toList(),
                    "the spilled outputs are deleted when the summaries are done");
        }
    }
}
