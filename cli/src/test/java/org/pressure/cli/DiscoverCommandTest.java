package org.pressure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoverCommandTest {
    @TempDir
    Path dir;

    /**
     * A runs.csv as a sweep writes it: three parameters, of which care growth above 4% with
     * council tax growth below 2% makes the crossover come by 2030 (else it is 2040 or never).
     */
    private Path sweepFolder() throws Exception {
        Path folder = dir.resolve("sweep");
        Files.createDirectories(folder);
        StringBuilder csv = new StringBuilder("run,care.growth,tax.growth,noise.rate,crossover_year,cumulative_gap\n");
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 3000; i++) {
            double care = 0.02 + 0.04 * random.nextDouble(), tax = 0.05 * random.nextDouble(), noise = random.nextDouble();
            boolean early = care > 0.04 && tax < 0.02;
            String year = early ? "2029" : random.nextBoolean() ? "2040" : "";
            csv.append(i).append(',').append(care).append(',').append(tax).append(',').append(noise).append(',')
                    .append(year).append(',').append(1000 * care).append('\n');
        }
        Files.writeString(folder.resolve("runs.csv"), csv);
        Files.writeString(folder.resolve("summary.json"), "{\"outputs\": {\"crossover_year\": {}, \"cumulative_gap\": {}}}");
        return folder;
    }

    @Test
    void discover_finds_the_planted_box_in_a_sweep_folder_and_writes_its_files_there() throws Exception {
        Path folder = sweepFolder();
        CommandLineTest.Result r = CommandLineTest.execute("discover", folder.toString(), "--where", "crossover_year <= 2030");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("inputs: care.growth, tax.growth, noise.rate"), "the sweep's parameters: " + r.out());
        assertTrue(r.out().contains("care.growth above 4.0") && r.out().contains("tax.growth below 2.0"), r.out());
        JsonNode box = new ObjectMapper().readTree(folder.resolve("box.json").toFile()).get("box");
        JsonNode restrictions = box.get("restrictions");
        assertEquals(2, restrictions.size(), "noise.rate is not restricted: " + restrictions);
        assertEquals("care.growth", restrictions.get(0).get("input").asText());
        assertEquals(0.04, restrictions.get(0).get("low").asDouble(), 0.002);
        assertTrue(restrictions.get(0).get("high").isNull());
        assertEquals(0.02, restrictions.get(1).get("high").asDouble(), 0.002);
        assertEquals(1.0, box.get("density").asDouble(), "no noise in the labels: a pure box");
        assertTrue(box.get("coverage").asDouble() > 0.95, box.toString());
        for (String f : List.of("prim-trajectory.csv", "prim-tradeoff.png", "prim-scatter.png", "prim-scatter.svg")) {
            assertTrue(Files.exists(folder.resolve(f)), f);
        }
        List<String> trajectory = Files.readAllLines(folder.resolve("prim-trajectory.csv"));
        assertTrue(trajectory.get(0).startsWith("step,coverage,density,mass,runs,cases,restricted,chosen,care.growth.low"));
        assertTrue(trajectory.get(1).startsWith("0,1.0,"), trajectory.get(1));
    }

    @Test
    void empty_cells_are_never_so_a_where_on_never_selects_them() throws Exception {
        Path folder = sweepFolder();
        CommandLineTest.Result r = CommandLineTest.execute("discover", folder.resolve("runs.csv").toString(), "--where",
                "crossover_year = never", "--inputs", "care.growth,tax.growth,noise.rate", "--out", dir.resolve("o").toString(),
                "--no-chart");
        assertEquals(0, r.exit(), r.err());
        long never = Files.readAllLines(folder.resolve("runs.csv")).stream().skip(1).filter(l -> l.split(",", -1)[4].isEmpty()).count();
        assertTrue(r.out().contains(String.format("3,000 runs, %,d where crossover_year = never", never)), r.out());
    }

    @Test
    void a_csv_with_a_text_column_is_read_and_the_column_refused_only_if_used() throws Exception {
        Path csv = dir.resolve("labelled.csv");
        StringBuilder rows = new StringBuilder("label,x,noise,bad\n");
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < 400; i++) {
            double x = random.nextDouble(), noise = random.nextDouble();
            rows.append("run ").append(i).append(',').append(x).append(',').append(noise).append(',').append(x < 0.25 ? 1 : 0)
                    .append('\n');
        }
        Files.writeString(csv, rows);
        CommandLineTest.Result r = CommandLineTest.execute("discover", csv.toString(), "--where", "bad = 1", "--out",
                dir.resolve("l").toString(), "--no-chart");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("inputs: x, noise") && r.out().contains("x below 0.2"), r.out());
        CommandLineTest.Result used = CommandLineTest.execute("discover", csv.toString(), "--where", "bad = 1", "--inputs",
                "label,x", "--out", dir.resolve("m").toString());
        assertEquals(2, used.exit());
        assertTrue(used.err().contains("labelled.csv:2:1: `label`: `run 0` is not a number"), used.err());
    }

    @Test
    void bad_conditions_columns_and_options_exit_2_with_the_reason() throws Exception {
        Path folder = sweepFolder();
        String[][] cases = {
            {"--where", "crossover_yr <= 2030"},
            {"--where", "crossover_year <= soon"},
            {"--where", "crossover_year < never"},
            {"--where", "crossover_year <= 2030", "--inputs", "care.growth,tax.grwth"},
            {"--where", "crossover_year <= 2030", "--min-density", "1.5"},
            {"--where", "crossover_year < 2000"},
        };
        String[] expected = {
            "--where crossover_yr <= 2030: `crossover_yr` is not a column of " + folder.resolve("runs.csv")
                    + "; did you mean `crossover_year`?",
            "`soon` is not a number, a year or never",
            "compare with `never` using = or !=",
            "`tax.grwth` is not a column",
            "--min-density 1.5: give a share above 0 and at most 1",
            "no run of 3000 meets it",
        };
        for (int i = 0; i < cases.length; i++) {
            List<String> args = new java.util.ArrayList<>(List.of("discover", folder.toString(), "--out", dir.resolve("bad").toString()));
            args.addAll(List.of(cases[i]));
            CommandLineTest.Result r = CommandLineTest.execute(args.toArray(String[]::new));
            assertEquals(2, r.exit(), String.join(" ", cases[i]) + "\n" + r.err());
            assertTrue(r.err().contains(expected[i]), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("bad")));
        CommandLineTest.Result missing = CommandLineTest.execute("discover", dir.resolve("nope.csv").toString(), "--where", "a < 1");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("nope.csv: no such file"), missing.err());
    }
}
