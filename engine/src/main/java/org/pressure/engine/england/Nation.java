package org.pressure.engine.england;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.pressure.engine.council.CompiledScenario;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.Plausibility;
import org.pressure.engine.council.Scenarios;
import org.pressure.engine.diagnostics.Problems;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.diagnostics.Warnings;
import org.pressure.engine.scenario.Node;
import org.pressure.engine.scenario.TreeLoader;

/**
 * Every council of a folder made by the import, each compiled once (with a sweep's national
 * parameters, if any, as inputs of every council's model), over one common horizon. Runs them
 * all once ({@link #runOnce}), or hands them to the sweep runner as one target ({@link NationModel}).
 */
public final class Nation {
    /** One council: its row of the index and its compiled scenario. */
    public record Council(CouncilIndex.Entry entry, CompiledScenario compiled) {}

    private final Path dir;
    private final List<Council> councils;
    private final int start;
    private final int end;
    private final String units;

    private Nation(Path dir, List<Council> councils) {
        this.dir = dir;
        this.councils = List.copyOf(councils);
        var first = councils.get(0).compiled().scenario();
        this.start = first.start();
        this.end = first.end();
        this.units = first.units();
    }

    /** Loads and compiles every council of {@code dir} as written. */
    public static Nation load(Path dir, int threads, Warnings warnings) {
        return load(dir, List.of(), threads, warnings);
    }

    /**
     * Loads and compiles every council of {@code dir} (on {@code threads} threads), each with the
     * {@code bindings} as inputs. Problems of every council are reported together; councils must
     * share one horizon and one unit.
     */
    public static Nation load(Path dir, List<Scenarios.Binding> bindings, int threads, Warnings warnings) {
        List<CouncilIndex.Entry> entries = CouncilIndex.read(dir);
        List<CompiledOrProblem> compiled = parallel(entries, threads, e -> {
            try {
                Node tree = TreeLoader.load(e.file());
                CompiledScenario c = Scenarios.compileWithInputs(tree, e.file().toString(), bindings, warnings);
                Plausibility.check(tree, warnings);
                return new CompiledOrProblem(c, null);
            } catch (ScenarioException ex) {
                return new CompiledOrProblem(null, ex);
            }
        });
        Problems problems = new Problems();
        List<Council> councils = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            CompiledOrProblem c = compiled.get(i);
            if (c.problem() != null) problems.addAll(c.problem());
            else councils.add(new Council(entries.get(i), c.compiled()));
        }
        problems.throwIfAny();
        var first = councils.get(0).compiled().scenario();
        for (Council c : councils) {
            var s = c.compiled().scenario();
            if (s.start() != first.start() || s.end() != first.end() || !s.units().equals(first.units())) {
                problems.add(s.location(), "council " + c.entry().code() + " runs " + s.start() + " to " + s.end() + " in "
                        + s.units() + "; the first council (" + councils.get(0).entry().code() + ") runs " + first.start()
                        + " to " + first.end() + " in " + first.units() + ": a national run needs one horizon and one unit");
            }
        }
        problems.throwIfAny();
        return new Nation(dir, councils);
    }

    private record CompiledOrProblem(CompiledScenario compiled, ScenarioException problem) {}

    public Path dir() {
        return dir;
    }

    public List<Council> councils() {
        return councils;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public int years() {
        return end - start + 1;
    }

    public String units() {
        return units;
    }

    /** Runs every council once, as written, on {@code threads} threads; results in the index's order. */
    public NationRun runOnce(int threads, Warnings warnings) {
        List<CouncilResult> results = parallel(councils, threads, c -> {
            try {
                CouncilResult r = c.compiled().run();
                r.check(warnings);
                return r;
            } catch (ScenarioException e) {
                throw new ScenarioException(c.compiled().scenario().location(), "council " + c.entry().code() + " ("
                        + c.entry().name() + ") cannot run: " + e.getMessage().replace('\n', ' '));
            }
        });
        List<NationRun.CouncilRun> runs = new ArrayList<>();
        for (int i = 0; i < councils.size(); i++) runs.add(NationRun.CouncilRun.of(councils.get(i).entry(), results.get(i)));
        return new NationRun(this, runs);
    }

    /** Applies {@code f} to each item on a pool of {@code threads}, keeping the order; a problem is thrown as it is. */
    static <T, R> List<R> parallel(List<T> items, int threads, Function<T, R> f) {
        if (threads <= 1 || items.size() < 2) return items.stream().map(f).toList();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()), r -> {
            Thread t = new Thread(r, "nation-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) futures.add(pool.submit(() -> f.apply(item)));
            List<R> out = new ArrayList<>();
            for (Future<R> fu : futures) out.add(fu.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
