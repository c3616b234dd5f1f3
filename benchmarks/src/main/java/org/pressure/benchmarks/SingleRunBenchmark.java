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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pressure.engine.council.CompiledScenario;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.Scenarios;

/**
 * One run of each scenario in {@code scenarios/}, the compiled model reused: what a sweep pays
 * per run before writing anything.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar SingleRunBenchmark -p scenario=barnet-graph-of-doom.yaml
 * </pre>
 * Run from the repository root (the scenarios are read from {@code scenarios/}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SingleRunBenchmark {

    @Param({"barnet-graph-of-doom.yaml", "barnet-prevention-investment.yaml", "england-lga-2013.yaml",
            "northamptonshire-style-reserves.yaml", "unitary-council-five-services.yaml"})
    public String scenario;

    private CompiledScenario compiled;
    private Path file;

    @Setup
    public void compile() {
        file = Path.of("scenarios", scenario);
        if (!Files.exists(file)) {
            throw new IllegalStateException("run from the repository root: no " + file.toAbsolutePath());
        }
        compiled = Scenarios.compile(file, List.of());
    }

    @Benchmark
    public CouncilResult run() {
        return compiled.run();
    }
}
