package org.pressure.engine.diagnostics;

import java.util.ArrayList;
import java.util.List;

/** Collects problems so that one pass reports all of them, not just the first. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public void add(Location at, String message) {
        Problem p = new Problem(at, message);
        if (!list.contains(p)) list.add(p);
    }

    public void addAll(ScenarioException e) {
        e.problems().forEach(p -> add(p.location(), p.message()));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    /** Throws a {@link ScenarioException} holding every problem so far, if there is any. */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            List<Problem> sorted = new ArrayList<>(list);
            sorted.sort(null);
            throw new ScenarioException(sorted);
        }
    }
}
