package org.pressure.cli;

import java.io.PrintWriter;
import org.pressure.engine.diagnostics.Problem;
import org.pressure.engine.diagnostics.ScenarioException;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The {@code pressure} command. Exit codes: 0 success, 1 internal failure, 2 bad input (a
 * scenario, model or option that is wrong; every problem is printed as file:line:col: message).
 */
@Command(name = "pressure",
        mixinStandardHelpOptions = true,
        versionProvider = Exit.Version.class,
        description = "Shows when, and why, the cost of a council's statutory services overtakes its income.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal failure (a bug: please report it, with --debug output)",
                "2:bad input: a scenario file or option is wrong (each problem is printed as file:line:col: message), "
                        + "or the outputs cannot be written (a full disk, say)"},
        footer = {"", "Examples:",
                "  pressure run scenarios/barnet-graph-of-doom.yaml",
                "  pressure run scenarios/barnet-graph-of-doom.yaml \\",
                "      --set services.prevention.floor=60%% --out out/test",
                "  pressure validate scenarios/*.yaml"})
public final class Main implements Runnable {
    public static final int OK = Exit.OK;
    public static final int INTERNAL = Exit.INTERNAL;
    public static final int BAD_INPUT = Exit.BAD_INPUT;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of internal failures.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: run, validate, sweep, solve, discover, "
                + "compare, report, backtest, serve, publish, import, nation, schema, init, generate-completion or help");
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine(args).execute(args));
    }

    /**
     * The subcommands by name, in the order help lists them. They are added when the command line
     * is made, not named in the annotation, so that one run can add only the one it runs.
     */
    static final java.util.LinkedHashMap<String, java.util.function.Supplier<Object>> SUBCOMMANDS = new java.util.LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("run", RunCommand::new);
        SUBCOMMANDS.put("validate", ValidateCommand::new);
        SUBCOMMANDS.put("sweep", SweepCommand::new);
        SUBCOMMANDS.put("solve", SolveCommand::new);
        SUBCOMMANDS.put("discover", DiscoverCommand::new);
        SUBCOMMANDS.put("compare", CompareCommand::new);
        SUBCOMMANDS.put("report", ReportCommand::new);
        SUBCOMMANDS.put("backtest", BacktestCommand::new);
        SUBCOMMANDS.put("serve", ServeCommand::new);
        SUBCOMMANDS.put("publish", PublishCommand::new);
        SUBCOMMANDS.put("schema", SchemaCommand::new);
        SUBCOMMANDS.put("init", InitCommand::new);
        SUBCOMMANDS.put("import", ImportCommand::new);
        SUBCOMMANDS.put("nation", NationCommand::new);
        SUBCOMMANDS.put("generate-completion", AutoComplete.GenerateCompletion::new);
        SUBCOMMANDS.put("help", CommandLine.HelpCommand::new);
    }

    /** The configured command line with every subcommand, also used by tests through {@code execute()}. */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS.keySet());
    }

    /**
     * The command line for these arguments: where they name a subcommand other than help or
     * generate-completion, with only that one. picocli reads the annotations of every command it is given, which took
     * about half of a short command's start-up; the others are needed only to list them (help,
     * the completion script, a mistyped name, no command).
     */
    public static CommandLine commandLine(String[] args) {
        String name = null;
        for (String a : args) {
            // the top-level options (--debug, --help, --version) take no values: the first other word is the command
            if (!a.startsWith("-")) {
                name = a;
                break;
            }
        }
        // help and the completion script speak of every command
        boolean one = name != null && !name.equals("help") && !name.equals("generate-completion") && SUBCOMMANDS.containsKey(name);
        return commandLine(one ? java.util.List.of(name) : SUBCOMMANDS.keySet());
    }

    private static CommandLine commandLine(java.util.Collection<String> names) {
        CommandLine cl = new CommandLine(new Main());
        for (String n : names) cl.addSubcommand(n, SUBCOMMANDS.get(n).get());
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setParameterExceptionHandler(Main::badOption);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** Options for real terms, which only `run` and `report` offer. */
    private static final java.util.Set<String> PRICE_OPTIONS = java.util.Set.of("--prices", "--deflator", "--base-year");

    /**
     * A command line picocli cannot parse: picocli's message, in plainer words where it has
     * them, and where to find the command's options (not the whole usage, which buries it).
     */
    private static int badOption(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        String name = cl.getCommandName();
        String message = e.getMessage();
        boolean priceOption = java.util.Arrays.stream(args)
                .anyMatch(a -> PRICE_OPTIONS.contains(a.contains("=") ? a.substring(0, a.indexOf('=')) : a));
        if (priceOption && (name.equals("compare") || name.equals("sweep") || name.equals("backtest"))) {
            message = name + " shows amounts in cash only (" + (name.equals("compare") ? "scenarios may not share a "
                    + "deflator" : name.equals("sweep") ? "the price index may itself be a swept parameter"
                    : "as results.csv and the observed figures hold them") + "); --prices, --deflator and "
                    + "--base-year are options of `run`, `report` and `solve`";
        } else if (name.equals("compare") && (message.contains("(SCENARIO)") || message.contains("at least 2"))) {
            message = "compare needs at least two scenario files, the baseline first, then those to set beside it";
        } else {
            message = message.replaceAll("requires at least (\\d+) values, but only 1 were specified",
                    "needs at least $1 values, but 1 was given");
        }
        err.println(message);
        // the top command's name is the program's own: `pressure --help`, not `pressure pressure --help`
        err.println("Run `" + (cl.getParent() == null ? "pressure" : "pressure " + name) + " --help` for its options.");
        err.flush();
        return BAD_INPUT;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof ScenarioException se) {
            Exit.printProblems(se, err);
            return BAD_INPUT;
        }
        if (e instanceof java.io.UncheckedIOException u) e = u.getCause();
        if (e instanceof java.nio.file.FileSystemException fs) {
            // an output folder that is a file, or cannot be written: the option is wrong, not the program
            String reason = fs instanceof java.nio.file.FileAlreadyExistsException ? "a file is in the way of a folder"
                    : fs instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : fs instanceof java.nio.file.NotDirectoryException ? "it is not a folder"
                    : fs instanceof java.nio.file.NoSuchFileException ? "no such folder, and it cannot be made"
                    : fs.getReason() == null ? fs.getClass().getSimpleName() : fs.getReason();
            String advice = reason.toLowerCase(java.util.Locale.ROOT).contains("name too long")
                    ? "the path is too long for this file system; choose a shorter --out folder"
                    : diskFull(reason) ? "free some space, or choose another --out folder"
                    : "choose another --out folder";
            err.println(fs.getFile() + ": cannot write here (" + reason + "); " + advice);
            err.flush();
            return BAD_INPUT;
        }
        if (e instanceof java.io.IOException io && !(e instanceof java.io.CharConversionException)) {
            // the outputs could not be written (a full disk, a device error): the machine's state, not a bug
            String reason = io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage();
            err.println("pressure: cannot write the output (" + reason + "); "
                    + (diskFull(reason) ? "free some space, or choose another --out folder" : "choose another --out folder")
                    + ". Files already there were left as they were or replaced whole.");
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

    private static boolean diskFull(String reason) {
        String r = reason.toLowerCase(java.util.Locale.ROOT);
        return r.contains("no space left") || r.contains("disk quota") || r.contains("not enough space");
    }
}
