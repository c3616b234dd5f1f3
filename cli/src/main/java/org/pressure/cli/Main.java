package org.pressure.cli;

import java.io.PrintWriter;
import org.pressure.engine.scenario.Problem;
import org.pressure.engine.scenario.ScenarioException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code pressure} command. Exit codes: 0 success, 1 internal failure, 2 bad input (a
 * scenario, model or option that is wrong; every problem is printed as file:line:col: message).
 */
@Command(name = "pressure",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Shows when, and why, the cost of a council's statutory services overtakes its income.",
        subcommands = {RunCommand.class, ValidateCommand.class, SweepCommand.class, SolveCommand.class, DiscoverCommand.class,
                CompareCommand.class, ReportCommand.class, BacktestCommand.class, ServeCommand.class, PublishCommand.class,
                SchemaCommand.class, InitCommand.class, AutoComplete.GenerateCompletion.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal failure (a bug: please report it, with --debug output)",
                "2:bad input: a scenario file or option is wrong; each problem is printed as file:line:col: message"},
        footer = {"", "Examples:",
                "  pressure run scenarios/barnet-graph-of-doom.yaml",
                "  pressure run scenarios/barnet-graph-of-doom.yaml --set services.prevention.floor=60%% --out out/test",
                "  pressure validate scenarios/*.yaml"})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int BAD_INPUT = 2;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of internal failures.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: run, validate, sweep, solve, discover, "
                + "compare, report, backtest, serve, publish, schema, init, generate-completion or help");
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests through {@code execute()}. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof ScenarioException se) {
            printProblems(se, err);
            return BAD_INPUT;
        }
        if (e instanceof java.nio.file.FileSystemException fs) {
            // an output folder that is a file, or cannot be written: the option is wrong, not the program
            String reason = fs instanceof java.nio.file.FileAlreadyExistsException ? "a file is in the way of a folder"
                    : fs instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : fs instanceof java.nio.file.NotDirectoryException ? "it is not a folder"
                    : fs.getReason() == null ? fs.getClass().getSimpleName() : fs.getReason();
            err.println(fs.getFile() + ": cannot write here (" + reason + "); choose another --out folder");
            err.flush();
            return BAD_INPUT;
        }
        boolean debug = parsed != null && parsed.matchedOption("--debug") != null
                || cl.getCommandSpec().root().userObject() instanceof Main m && m.debug;
        err.println("pressure: internal error: " + e);
        if (debug) {
            e.printStackTrace(err);
        } else {
            err.println("(run again with --debug for the stack trace)");
        }
        err.flush();
        return INTERNAL;
    }

    /** Prints one line per problem: {@code file:line:col: message}. */
    static void printProblems(ScenarioException e, PrintWriter err) {
        for (Problem p : e.problems()) err.println(p);
        err.flush();
    }

    /** Prints warnings (legal, but probably not what was meant) as {@code file:line:col: warning: ...}. */
    static void printWarnings(java.util.List<Problem> warnings, PrintWriter err) {
        for (Problem p : warnings) err.println(p);
        err.flush();
    }

    /** Version from the jar manifest, when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"pressure " + (v == null ? "(development build)" : v)};
        }
    }
}
