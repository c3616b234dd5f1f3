package org.pressure.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.pressure.engine.sweep.SweepModel;
import org.pressure.engine.sweep.SweepResult;
import org.pressure.engine.sweep.SweepRunner;

/**
 * Runs per second of scenarios/unitary-council-throughput-sweep.yaml (20 years, five services,
 * reserves first, cuts in order, two failure-demand links; three swept parameters, two
 * outputs), end to end including runs.csv, beside the same sweep written by hand
 * ({@link HandWrittenSweep}). Scores are per run: invert for runs per second.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar SweepThroughputBenchmark
 * </pre>
 * Run from the repository root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class SweepThroughputBenchmark {
    static final int RUNS = 20_000;

    @Param({"1", "2"})
    public int threads;

    private SweepModel model;
    private Path dir;

    @Setup
    public void setUp() throws IOException {
        Path sweep = Path.of("scenarios", "unitary-council-throughput-sweep.yaml");
        if (!Files.exists(sweep)) throw new IllegalStateException("run from the repository root: no " + sweep.toAbsolutePath());
        model = SweepModel.load(sweep, RUNS, null);
        dir = Files.createTempDirectory("pressure-bench");
    }

    @TearDown
    public void tearDown() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.delete(p);
        }
        Files.delete(dir);
    }

    /** pressure sweep's work: every run, runs.csv in order, the summaries (exact percentiles re-read runs.csv). */
    @Benchmark
    @OperationsPerInvocation(RUNS)
    public SweepResult engine_sweep_with_csv() throws IOException {
        return new SweepRunner(model, threads, null).run(dir, false);
    }

    /** The same sweep by hand, one thread (its score does not depend on the threads parameter). */
    @Benchmark
    @OperationsPerInvocation(RUNS)
    public double hand_written_sweep_with_csv() throws IOException {
        return HandWrittenSweep.write(dir.resolve("hand.csv"), 2025, RUNS);
    }
}
