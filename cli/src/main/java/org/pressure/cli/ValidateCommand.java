package org.pressure.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pressure.engine.council.Scenarios;
import org.pressure.engine.diagnostics.Problem;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.diagnostics.Warnings;
import org.pressure.engine.scenario.TreeReader;
import org.pressure.engine.sweep.SweepModel;
import org.pressure.engine.scenario.ScenarioShape;
import org.pressure.engine.xmile.Xmile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code pressure validate FILE...}: everything {@code run} or {@code sweep} checks, writing nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Exit.Version.class,
        description = {"Checks scenario files, sweep files and XMILE models, writing nothing. A scenario is run once, "
                + "in memory, so that validate refuses exactly what run refuses.",
                "Prints one line per problem (file:line:col: message) and exits 2 if there is any; "
                        + "prints `FILE: ok` and exits 0 when every file is fine."})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Scenario or sweep files (.yaml, .yml, .json) or XMILE models (.xmile, .xml, .stmx).")
    List<Path> files;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Check scenario files with this override applied, as `run --set` would. Repeatable.")
    List<String> overrides = new ArrayList<>();

    @CommandLine.Mixin
    InputOptions inputOptions = new InputOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        inputOptions.apply(files);
        boolean allFine = true;
        for (Path file : files) {
            Warnings warnings = Warnings.collect();
            try {
                if (Xmile.isModelFile(file)) {
                    Xmile.load(file);
                } else if (ScenarioShape.isSweep(TreeReader.read(file))) {
                    SweepModel.load(file, null, null, warnings);
                } else {
                    // run it too (nothing is written): a value that blows up is refused here as it is by `run`,
                    // and what only a year's values show (a capped council tax rise, say) is warned of
                    Scenarios.compile(file, overrides, warnings).run().check(warnings);
                }
                inputOptions.emit(warnings, spec.commandLine().getErr());
                spec.commandLine().getOut().println(file + ": ok");
            } catch (ScenarioException e) {
                // errors and warnings together, in the order of the file, so one pass fixes both
                List<Problem> all = new ArrayList<>(e.problems());
                all.addAll(warnings.all());
                List<Problem> errors = e.problems();
                all.sort(java.util.Comparator.comparing((Problem p) -> !p.location().file().equals(file.toString()))
                        .thenComparingInt(p -> p.location().line()).thenComparingInt(p -> p.location().column()));
                java.io.PrintWriter err = spec.commandLine().getErr();
                for (Problem p : all) {
                    // with --strict a warning is refused like an error, and printed like one
                    err.println(errors.contains(p) ? p.toString() : inputOptions.strict
                            ? p + " (refused by --strict)" : p.location() + ": warning: " + p.message());
                }
                err.flush();
                allFine = false;
            }
        }
        spec.commandLine().getOut().flush();
        return allFine ? Exit.OK : Exit.BAD_INPUT;
    }
}
