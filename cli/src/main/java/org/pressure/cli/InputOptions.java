package org.pressure.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.pressure.engine.diagnostics.Problem;
import org.pressure.engine.diagnostics.Warnings;
import org.pressure.engine.scenario.FileAccess;
import picocli.CommandLine.Option;

/**
 * Options about how far input files are trusted. {@code --strict} and how a command shows
 * warnings: each as {@code file:line:col: warning: message} on standard error, the command still
 * succeeding; with {@code --strict} they are refused as problems (exit 2) before anything is
 * written. {@code --allow-outside}: files named by a scenario or sweep file may lie outside its
 * folder (see {@link FileAccess}).
 */
final class InputOptions {
    @Option(names = "--strict", description = "Treat warnings (implausible values such as a growth of 5 written "
            + "for 5%%) as errors: exit 2 and write nothing.")
    boolean strict;

    @Option(names = "--allow-outside", description = "Let scenario and sweep files name files outside their own "
            + "folder (absolute paths, or paths with ..) in `extends`, `csv` and `scenario`. Use only for files you trust.")
    boolean allowOutside;

    /**
     * Applies the file rule for the files given on the command line (their folders are trusted as
     * the folder the command was started in is); call before any file is read.
     */
    void apply(List<Path> files) {
        FileAccess.allowOutside(allowOutside);
        FileAccess.topLevelFiles(files);
    }

    /** Prints the warnings, or with --strict refuses them; call before anything is written. */
    void emit(Warnings warnings, PrintWriter err) {
        if (strict) warnings.throwIfAny();
        print(warnings, err);
    }

    static void print(Warnings warnings, PrintWriter err) {
        for (Problem p : warnings.all()) err.println(p.location() + ": warning: " + p.message());
        err.flush();
    }
}
