package org.pressure.cli;

import java.io.PrintWriter;
import org.pressure.engine.scenario.Problem;
import org.pressure.engine.scenario.Warnings;
import picocli.CommandLine.Option;

/**
 * {@code --strict}, and how a command shows warnings: each as
 * {@code file:line:col: warning: message} on standard error, the command still succeeding; with
 * {@code --strict} they are refused as problems (exit 2) before anything is written.
 */
final class WarningOptions {
    @Option(names = "--strict", description = "Treat warnings (implausible values such as a growth of 5 written "
            + "for 5%%) as errors: exit 2 and write nothing.")
    boolean strict;

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
