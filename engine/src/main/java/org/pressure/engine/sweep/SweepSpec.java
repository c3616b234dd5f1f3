package org.pressure.engine.sweep;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated sweep file (sweeps.md): which scenario, which design, which parameters with
 * which distributions, and which outputs to record.
 *
 * @param parameters parameter path (as {@code --set} takes it) to its distribution, in file order
 * @param correlations rank correlations between pairs of parameters (random and latin_hypercube designs only)
 */
public record SweepSpec(String name, Path sweepFile, Path scenario, Design design, int runs, int levels, long seed,
                        Map<String, Distribution> parameters, List<OutputSpec> outputs, List<String> trajectories,
                        List<Correlation> correlations, java.util.Set<String> percentParameters) {

    public SweepSpec {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        outputs = List.copyOf(outputs);
        trajectories = List.copyOf(trajectories);
        correlations = List.copyOf(correlations);
        percentParameters = java.util.Set.copyOf(percentParameters);
    }

    /** A sweep whose parameters were all written as plain numbers. */
    public SweepSpec(String name, Path sweepFile, Path scenario, Design design, int runs, int levels, long seed,
                     Map<String, Distribution> parameters, List<OutputSpec> outputs, List<String> trajectories,
                     List<Correlation> correlations) {
        this(name, sweepFile, scenario, design, runs, levels, seed, parameters, outputs, trajectories, correlations,
                java.util.Set.of());
    }

    /** A sweep without correlations. */
    public SweepSpec(String name, Path sweepFile, Path scenario, Design design, int runs, int levels, long seed,
                     Map<String, Distribution> parameters, List<OutputSpec> outputs, List<String> trajectories) {
        this(name, sweepFile, scenario, design, runs, levels, seed, parameters, outputs, trajectories, List.of());
    }

    /** A target Spearman rank correlation between two parameters, named by their paths. */
    public record Correlation(String a, String b, double rank) {}

    public List<String> parameterPaths() {
        return List.copyOf(parameters.keySet());
    }

    /** The same sweep with another number of runs or seed (command-line overrides). */
    public SweepSpec with(Integer runs, Long seed) {
        return new SweepSpec(name, sweepFile, scenario, design, runs == null ? this.runs : runs, levels,
                seed == null ? this.seed : seed, parameters, outputs, trajectories, correlations, percentParameters);
    }

    /** How the runs are chosen. */
    public enum Design {
        GRID("grid"), RANDOM("random"), LATIN_HYPERCUBE("latin_hypercube"), SOBOL("sobol"), MORRIS("morris"),
        ONE_AT_A_TIME("one_at_a_time");

        public final String key;

        Design(String key) {
            this.key = key;
        }

        public static Design of(String key) {
            for (Design d : values()) if (d.key.equals(key)) return d;
            return null;
        }

        public static List<String> keys() {
            return java.util.Arrays.stream(values()).map(d -> d.key).toList();
        }
    }
}
