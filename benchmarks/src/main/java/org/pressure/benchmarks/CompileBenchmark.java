package org.pressure.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pressure.engine.council.CompiledScenario;
import org.pressure.engine.council.Scenarios;

/**
 * Load, validate and compile the flagship scenario: what every `pressure run` pays before it
 * runs, and a sweep pays once.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar CompileBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CompileBenchmark {
    private Path flagship;

    @Setup
    public void setUp() {
        flagship = Path.of("scenarios", "barnet-graph-of-doom.yaml");
        if (!Files.exists(flagship)) throw new IllegalStateException("run from the repository root");
    }

    @Benchmark
    public CompiledScenario load_validate_compile_flagship() {
        return Scenarios.compile(flagship, List.of());
    }
}
