package org.pressure.engine.diagnostics;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A problem in what the user gave (a scenario file, an override, a model): carries every
 * problem found, each with its file, line and column. The CLI prints them and exits 2.
 */
public class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public ScenarioException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public ScenarioException(Location at, String message) {
        this(List.of(new Problem(at, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
