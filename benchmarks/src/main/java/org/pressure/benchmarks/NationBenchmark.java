package org.pressure.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.pressure.engine.diagnostics.Warnings;
import org.pressure.engine.england.Nation;
import org.pressure.engine.england.NationModel;
import org.pressure.engine.england.NationRun;
import org.pressure.engine.sweep.SweepResult;
import org.pressure.engine.sweep.SweepRunner;

/**
 * The national batch on the 150 councils of data/england/councils-2021-22: every council loaded,
 * compiled and run once (what `pressure nation` does before its files and charts), and a
 * 1,000-run national sweep (data/england/national-sweep.yaml: load, compile with the national
 * parameters as inputs, generate code, run 150,000 council-runs, write runs.csv and summaries).
 * Each is timed whole, once per iteration, on 2 threads.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar NationBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class NationBenchmark {
    @Param("2")
    int threads;

    private Path councils;
    private Path sweep;
    private Path out;

    @Setup(Level.Trial)
    public void setUp() throws java.io.IOException {
        councils = Path.of("data", "england", "councils-2021-22");
        sweep = Path.of("data", "england", "national-sweep.yaml");
        if (!Files.isDirectory(councils)) throw new IllegalStateException("run from the repository root");
        out = Files.createTempDirectory("nation-benchmark");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws java.io.IOException {
        try (var files = Files.walk(out)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Benchmark
    public NationRun plain_run_of_every_council() {
        return Nation.load(councils, threads, Warnings.ignored()).runOnce(threads, Warnings.ignored());
    }

    @Benchmark
    public SweepResult national_sweep_1000_runs() throws java.io.IOException {
        NationModel model = NationModel.load(sweep, null, 1000, null, threads, Warnings.ignored());
        Path dir = Files.createTempDirectory(out, "sweep");
        return new SweepRunner(model, threads, null).run(dir, false);
    }
}
