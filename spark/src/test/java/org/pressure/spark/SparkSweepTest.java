package org.pressure.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressure.engine.diagnostics.Warnings;
import org.pressure.engine.england.NationModel;
import org.pressure.engine.sweep.SweepModel;
import org.pressure.engine.sweep.SweepResult;
import org.pressure.engine.sweep.SweepRunner;
import org.pressure.engine.sweep.SweepTarget;
import org.pressure.engine.sweep.SweepWriter;

/**
 * A sweep on Spark in local mode against the local runner on the same file and seed: runs.csv
 * and summary.json must be the same bytes. One session for the class: local[2,2] is two
 * worker threads, each task allowed a second attempt (the retry test needs one).
 */
class SparkSweepTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path SCENARIOS = ROOT.resolve("scenarios");

    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2,2]").appName("pressure-spark test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Runs on Spark through the jar's own entry point; returns the exit code, and fails on anything written to stderr that is not expected. */
    static int spark(StringWriter err, String... args) {
        return SparkMain.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err, true), spark);
    }

    /** The local runner (two threads), as `pressure sweep` and `pressure nation --sweep` run it. */
    static void local(SweepTarget target, Path dir) throws IOException {
        SweepResult r = new SweepRunner(target, 2, null).run(dir, false);
        SweepWriter.writeSummary(r, dir.resolve("summary.json"));
        SweepWriter.writeSensitivity(r, dir.resolve("sensitivity.csv"));
    }

    static void assertSameFiles(Path local, Path onSpark, String... names) throws IOException {
        for (String name : names) {
            byte[] expected = Files.readAllBytes(local.resolve(name));
            assertTrue(expected.length > 100, name + " has content");
            assertArrayEquals(expected, Files.readAllBytes(onSpark.resolve(name)), name + " differs from the local runner's");
        }
    }

    /** A random-design sweep of the Barnet scenario, written where the test can put it. */
    static Path randomSweep(Path dir) throws IOException {
        Path file = dir.resolve("random.yaml");
        Files.copy(SCENARIOS.resolve("barnet-graph-of-doom.yaml"), dir.resolve("barnet-graph-of-doom.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(file, """
                sweep: random design on Spark
                scenario: %s
                design: random
                runs: 700
                seed: 17
                parameters:
                  services.adult_social_care.unit_cost.growth: {uniform: [1%%, 5%%]}
                  income.council_tax.growth: {triangular: [0.5%%, 2.5%%, 5%%]}
                outputs: [crossover_year, cumulative_gap]
                trajectories: [budget_gap, reserves]
                """.formatted("barnet-graph-of-doom.yaml"));
        return file;
    }

    @Test
    void randomSweepIsTheLocalRunnersByteForByte(@TempDir Path tmp) throws IOException {
        Path file = randomSweep(tmp);
        local(SweepModel.load(file, null, null), tmp.resolve("local"));
        StringWriter err = new StringWriter();
        // partitions of 100 runs: 7 tasks, none a multiple of the local runner's chunk of 256
        assertEquals(0, spark(err, "sweep", file.toString(), "--out", tmp.resolve("spark").toString(),
                "--partition-runs", "100"), err.toString());
        assertSameFiles(tmp.resolve("local"), tmp.resolve("spark"), "runs.csv", "summary.json");
        assertFalse(Files.exists(tmp.resolve("spark").resolve(Parts.FOLDER)), "the parts are removed at the end");

        // the Parquet rows are runs.csv's, as numbers (an empty field is null)
        Dataset<Row> parquet = spark.read().parquet(tmp.resolve("spark").resolve(SparkSweep.PARQUET).toString());
        assertEquals(List.of("run", "services.adult_social_care.unit_cost.growth", "income.council_tax.growth",
                "crossover_year", "cumulative_gap"),
                List.of(parquet.columns()));
        List<Row> rows = parquet.orderBy("run").collectAsList();
        List<String> csv = Files.readAllLines(tmp.resolve("local").resolve("runs.csv"));
        assertEquals(csv.size() - 1, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] fields = csv.get(i + 1).split(",", -1);
            Row row = rows.get(i);
            assertEquals(Integer.parseInt(fields[0]), row.getInt(0));
            for (int j = 1; j < fields.length; j++) {
                if (fields[j].isEmpty()) assertTrue(row.isNullAt(j), "row " + i + " column " + j);
                else assertEquals(Double.parseDouble(fields[j]), row.getDouble(j), "row " + i + " column " + j);
            }
        }
    }

    @Test
    void sobolSweepIsTheLocalRunnersByteForByte(@TempDir Path tmp) throws IOException {
        Path file = SCENARIOS.resolve("barnet-sensitivity-sweep.yaml");
        local(SweepModel.load(file, 32, null), tmp.resolve("local"));
        StringWriter err = new StringWriter();
        assertEquals(0, spark(err, "sweep", file.toString(), "--runs", "32", "--out", tmp.resolve("spark").toString(),
                "--partition-runs", "50", "--no-parquet"), err.toString());
        assertSameFiles(tmp.resolve("local"), tmp.resolve("spark"), "runs.csv", "summary.json", "sensitivity.csv");
        assertFalse(Files.exists(tmp.resolve("spark").resolve(SparkSweep.PARQUET)));
    }

    @Test
    void nationSweepIsTheLocalRunnersByteForByte(@TempDir Path tmp) throws IOException {
        // five councils of the imported folder, with its national assumptions
        Path councils = tmp.resolve("councils");
        Files.createDirectories(councils);
        Path from = ROOT.resolve("data/england/councils-2021-22");
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) Files.copy(f, councils.resolve(f.getFileName()));
        }
        List<String> index = Files.readAllLines(councils.resolve("councils-index.csv"));
        Files.write(councils.resolve("councils-index.csv"), index.subList(0, 6));
        Path file = tmp.resolve("nation.yaml");
        Files.writeString(file, Files.readString(ROOT.resolve("data/england/national-sweep.yaml"))
                .replace("scenario: councils-2021-22", "scenario: councils").replace("runs: 1000", "runs: 60"));

        local(NationModel.load(file, null, null, null, 2, Warnings.ignored()), tmp.resolve("local"));
        StringWriter err = new StringWriter();
        assertEquals(0, spark(err, "nation", "--sweep", file.toString(), "--out", tmp.resolve("spark").toString(),
                "--partition-runs", "25"), err.toString());
        assertSameFiles(tmp.resolve("local"), tmp.resolve("spark"), "runs.csv", "summary.json");
        assertTrue(Files.exists(tmp.resolve("spark").resolve("councils-probability.csv")));
        assertTrue(Files.exists(tmp.resolve("spark").resolve("nation-sweep.json")));
    }

    @Test
    void aTaskThatFailsOnceAndIsRetriedGivesTheSameRows(@TempDir Path tmp) throws Exception {
        Path file = randomSweep(tmp);
        StringWriter err = new StringWriter();
        assertEquals(0, spark(err, "sweep", file.toString(), "--out", tmp.resolve("clean").toString(),
                "--partition-runs", "300", "--no-parquet"), err.toString());
        // partition 1 writes half its runs, then fails; its second attempt must finish it
        java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        org.apache.spark.scheduler.SparkListener listener = new org.apache.spark.scheduler.SparkListener() {
            @Override
            public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
                if (!end.taskInfo().successful()) failed.incrementAndGet();
            }
        };
        spark.sparkContext().addSparkListener(listener);
        spark.conf().set(SparkSweep.FAIL_ONCE, "1");
        try {
            assertEquals(0, spark(err, "sweep", file.toString(), "--out", tmp.resolve("retried").toString(),
                    "--partition-runs", "300"), err.toString());
        } finally {
            spark.conf().unset(SparkSweep.FAIL_ONCE);
            spark.sparkContext().listenerBus().waitUntilEmpty();
            spark.sparkContext().removeSparkListener(listener);
        }
        assertEquals(1, failed.get(), "one attempt failed and was retried");
        assertSameFiles(tmp.resolve("clean"), tmp.resolve("retried"), "runs.csv", "summary.json");
        assertEquals(700, spark.read().parquet(tmp.resolve("retried").resolve(SparkSweep.PARQUET).toString()).count());
    }

    @Test
    void aFolderAnotherSweepWritesIntoIsRefusedAsLocally(@TempDir Path tmp) throws IOException {
        Path file = randomSweep(tmp);
        Path out = tmp.resolve("busy");
        Files.createDirectories(out);
        // the local runner's lock on the folder, held by this process as a running sweep would hold it
        try (FileChannel held = FileChannel.open(out.resolve(SweepRunner.LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); var lock = held.lock()) {
            StringWriter err = new StringWriter();
            assertEquals(2, spark(err, "sweep", file.toString(), "--out", out.toString()));
            assertEquals("--out " + out + ": another sweep is writing into this folder; wait for it to finish, or "
                    + "choose another --out folder", err.toString().strip());
        }
        assertFalse(Files.exists(out.resolve("runs.csv")));
        assertFalse(Files.exists(out.resolve(SparkSweep.PARQUET)));

        // runs.csv as a folder is refused, as `pressure sweep` refuses it, before any task starts
        Path odd = tmp.resolve("odd");
        Files.createDirectories(odd.resolve("runs.csv"));
        StringWriter err = new StringWriter();
        assertEquals(2, spark(err, "sweep", file.toString(), "--out", odd.toString()));
        assertEquals(odd.resolve("runs.csv") + ": is not an ordinary file (a folder or a link); move it away, or "
                + "choose another --out folder", err.toString().strip());
    }

    @Test
    void badInputIsToldWhereItIsWithExitCodeTwo(@TempDir Path tmp) throws IOException {
        StringWriter err = new StringWriter();
        assertEquals(2, spark(err, "sweep", randomSweep(tmp).toString(), "--runs", "none"));
        assertEquals("--runs none: give a whole number", err.toString().strip());

        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(randomSweep(tmp)).replace("design: random", "design: randm"));
        err = new StringWriter();
        assertEquals(2, spark(err, "sweep", bad.toString(), "--out", tmp.resolve("o").toString()));
        assertTrue(err.toString().startsWith(bad + ":3:"), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
    }

    @Test
    void aRunTheScenarioRefusesEndsTheJobWithTheEnginesMessage(@TempDir Path tmp) throws IOException {
        // the run with x in [0.512, 0.513) is refused: one run of 1000 in a Latin hypercube over [0, 1]
        Files.writeString(tmp.resolve("base.yaml"), """
                name: Refused base
                time: {start: 2025, end: 2040}
                drivers:
                  pop: {start: 1000, growth: 2%}
                  x: 0.5
                income:
                  tax: {start: 100, growth: 2%}
                services:
                  care: {clients: {per: pop, rate: 5%}, unit_cost: {start: 1, growth: 3%}}
                  other: {statutory: false, cost: "=if(x >= 0.512 and x < 0.513, ln(0), 30)"}
                budget:
                  reserves: {opening: 20, minimum: 5}
                """);
        Path file = tmp.resolve("refused.yaml");
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
        Path out = tmp.resolve("out");
        // an earlier sweep's results in the folder
        StringWriter err = new StringWriter();
        assertEquals(0, spark(err, "sweep", randomSweep(tmp).toString(), "--out", out.toString()), err.toString());
        byte[] runs = Files.readAllBytes(out.resolve("runs.csv"));
        long parquetRows = spark.read().parquet(out.resolve(SparkSweep.PARQUET).toString()).count();
        err = new StringWriter();
        assertEquals(2, spark(err, "sweep", file.toString(), "--out", out.toString(), "--partition-runs", "200"));
        String said = err.toString().strip();
        assertTrue(said.startsWith(file.toString()) && said.contains(": run ") && !said.contains("Exception")
                && !said.contains("\n"), said);
        assertArrayEquals(runs, Files.readAllBytes(out.resolve("runs.csv")), "the earlier runs.csv is kept whole");
        assertEquals(parquetRows, spark.read().parquet(out.resolve(SparkSweep.PARQUET).toString()).count(),
                "the earlier runs.parquet is kept");
        assertFalse(Files.exists(out.resolve(SweepRunner.PARTIAL)));
    }

    @Test
    void partsAppearOnlyWholeUnderTheirOwnNames(@TempDir Path tmp) throws IOException {
        // an attempt writes under a hidden name of its own; the part's name appears by a rename, whole
        Path parts = tmp.resolve(Parts.FOLDER);
        Path csv = Parts.csv(parts, 3);
        assertEquals("part-00003.csv", csv.getFileName().toString());
        assertEquals(".part-00003.csv.attempt-42", Parts.attempt(csv, 42).getFileName().toString());

        // a .bin part cut short is refused, never read as complete
        Files.createDirectories(parts);
        Path bin = Parts.bin(parts, 0);
        try (var out = Parts.writer(bin)) {
            Parts.write(out, 0, new double[] {1, 2}, new double[][] {{3, 4}});
            Parts.write(out, 1, new double[] {5, 6}, new double[][] {{7, 8}});
        }
        List<Integer> seen = new ArrayList<>();
        Parts.read(bin, 0, 2, 2, (run, o, t) -> seen.add(run));
        assertEquals(List.of(0, 1), seen);
        byte[] whole = Files.readAllBytes(bin);
        Files.write(bin, java.util.Arrays.copyOf(whole, whole.length - 5));
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> Parts.read(bin, 0, 2, 2, (run, o, t) -> { }));
        assertTrue(e.getMessage().contains("ends before run 1"), e.getMessage());
    }
}
