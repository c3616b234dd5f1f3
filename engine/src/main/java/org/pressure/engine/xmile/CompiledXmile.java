package org.pressure.engine.xmile;

import java.util.ArrayList;
import java.util.List;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.model.Model;

/**
 * A compiled XMILE model, ready to run many times: the engine's one {@link Model} (the same
 * ordering, cycle report, interpreter and generated code as a council scenario; stocks integrated
 * by the file's method), with the variables it reports by display name. Immutable; each run
 * allocates its own storage.
 */
public final class CompiledXmile {
    private final String file;
    private final XmileModel.SimSpecs specs;
    private final Model model;
    private final List<String> names;
    private final int[] outputs;
    private final List<String> warnings;

    /** Most values a run may keep in memory: variables times steps. */
    public static final long MAX_VALUES = 50_000_000;

    CompiledXmile(String file, XmileModel.SimSpecs specs, Model model, List<String> names, int[] outputs,
                  List<String> warnings) {
        this.file = file;
        this.specs = specs;
        this.model = model;
        this.names = List.copyOf(names);
        this.outputs = outputs.clone();
        this.warnings = List.copyOf(warnings);
        long values = (long) model.slotCount() * model.steps();
        if (values > MAX_VALUES) {
            throw new ScenarioException(specs.location(), "the run would keep " + values
                    + " values (" + model.slotCount() + " variables over " + model.steps() + " steps); the limit is " + MAX_VALUES
                    + " (" + MAX_VALUES * 8 / 1_000_000 + " MB): use a larger dt or a shorter run");
        }
    }

    public String file() {
        return file;
    }

    public XmileModel.SimSpecs specs() {
        return specs;
    }

    /** The model in the engine's own form: for sweeps, which bind constants as inputs and read slots. */
    public Model model() {
        return model;
    }

    /** The variables a run reports, by display name, in the order of the file. */
    public List<String> names() {
        return names;
    }

    /** The slot of each variable of {@link #names}, in the same order. */
    public int[] outputSlots() {
        return outputs.clone();
    }

    /** Things accepted leniently that the modeller should know about. */
    public List<String> warnings() {
        return warnings;
    }

    /** The number of dt steps from start to stop, counting both ends. */
    public int steps() {
        return steps(specs);
    }

    static int steps(XmileModel.SimSpecs specs) {
        return (int) Math.round((specs.stop() - specs.start()) / specs.dt()) + 1;
    }

    /** How many steps apart saved rows are. */
    public int saveEvery() {
        return Math.max(1, (int) Math.round(specs.saveStep() / specs.dt()));
    }

    /** Runs from start to stop and keeps one row per save step. */
    public XmileRun run() {
        double[][] v = model.newWorkspace();
        model.runInto(v, new double[0]);
        return saved(v);
    }

    private XmileRun saved(double[][] v) {
        int every = saveEvery();
        int rows = (steps() - 1) / every + 1;
        double[] times = new double[rows];
        List<double[]> columns = new ArrayList<>();
        for (int r = 0; r < rows; r++) times[r] = model.time(r * every);
        for (int slot : outputs) {
            double[] c = new double[rows];
            for (int r = 0; r < rows; r++) c[r] = v[slot][r * every];
            columns.add(c);
        }
        return new XmileRun(times, names, columns);
    }
}
