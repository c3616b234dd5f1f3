package org.pressure.engine.diagnostics;

import java.util.ArrayList;
import java.util.List;

/**
 * Things in what the user gave that are allowed but probably not meant: a growth rate of 5
 * written for 5%, a unit cost in pounds in a scenario in £m, a rise capped by a referendum limit.
 * Each is located like a {@link Problem}; the commands print them as
 * {@code file:line:col: warning: message} on standard error and still succeed, unless
 * {@code --strict} asks for them to be refused as problems.
 *
 * <p>Code that reads or runs a scenario adds a warning with {@link #add(Location, String)};
 * a collector is passed in by whoever asked for the work (see
 * {@code Scenarios.compile(Path, List, Warnings)} and {@code CouncilResult.check(Warnings)}).
 * Safe to share between threads.
 */
public final class Warnings {
    private final List<Problem> list = new ArrayList<>();
    private final boolean keep;

    private Warnings(boolean keep) {
        this.keep = keep;
    }

    /** An empty collector. */
    public static Warnings collect() {
        return new Warnings(true);
    }

    /** A collector that keeps nothing, for callers that do not show warnings. */
    public static Warnings ignored() {
        return new Warnings(false);
    }

    /** Adds one warning (a second identical one, same place and words, is kept once). */
    public synchronized void add(Location at, String message) {
        if (!keep) return;
        Problem p = new Problem(at, message);
        if (!list.contains(p)) list.add(p);
    }

    public synchronized boolean isEmpty() {
        return list.isEmpty();
    }

    /** Every warning so far, by file, line and column. */
    public synchronized List<Problem> all() {
        List<Problem> sorted = new ArrayList<>(list);
        sorted.sort(null);
        return List.copyOf(sorted);
    }

    /**
     * For {@code --strict}: throws a {@link ScenarioException} holding every warning as a
     * problem, if there is any.
     */
    public void throwIfAny() {
        List<Problem> all = all();
        if (!all.isEmpty()) {
            throw new ScenarioException(all.stream()
                    .map(p -> new Problem(p.location(), p.message() + " (refused by --strict)")).toList());
        }
    }
}
