package org.pressure.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import org.pressure.cli.serve.Lever;
import org.pressure.cli.serve.WhatIf;
import org.pressure.engine.council.CouncilCompiler;
import org.pressure.engine.council.ScenarioParser;
import org.pressure.engine.council.Scenarios;
import org.pressure.engine.scenario.Node;
import org.pressure.engine.scenario.Overrides;

/**
 * The model work of one slider move on the what-if page of the flagship scenario, as the server
 * does it for a move it has not cached: run the scenario with the lever's value and turn the run
 * into the JSON the page draws. Each call moves the next of the default levers to its next
 * position, so no two calls in a row are the same run. {@code slider_move} runs on the model
 * compiled once with the levers as inputs; {@code slider_move_compiling_the_variant} compiles the
 * variant first, as every move did before. Sample mode, so JMH prints the median (p0.50).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar WhatIfBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WhatIfBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Path flagship;
    private WhatIf page;
    private List<Lever> levers;
    private int move;
    private Node tree;

    @Setup
    public void setUp() {
        flagship = Path.of("scenarios", "barnet-graph-of-doom.yaml");
        if (!Files.exists(flagship)) throw new IllegalStateException("run from the repository root");
        page = WhatIf.load(flagship, List.of(), false);
        levers = page.levers();
        tree = Scenarios.tree(flagship, List.of());
    }

    /** The next move: each lever in turn, each time at its next position. */
    private Map<String, String> next() {
        int m = move++;
        Lever l = levers.get(m % levers.size());
        return Map.of(l.path(), l.values().get((m / levers.size()) % l.values().size()));
    }

    @Benchmark
    public byte[] slider_move() throws Exception {
        return JSON.writeValueAsBytes(page.runJson(page.run(next())));
    }

    @Benchmark
    public byte[] slider_move_compiling_the_variant() throws Exception {
        Map<String, String> values = next();
        // as WhatIf ran every move before: the tree read once, the assignments applied, parsed and compiled
        Node variant = Overrides.apply(tree, page.overrides(values).stream().map(Overrides::parse).toList());
        return JSON.writeValueAsBytes(page.runJson(CouncilCompiler.compile(ScenarioParser.parse(variant, flagship.toString())).run()));
    }
}
