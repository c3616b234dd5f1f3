package org.pressure.cli;

import java.io.PrintWriter;
import org.pressure.engine.diagnostics.Problem;
import org.pressure.engine.diagnostics.ScenarioException;
import picocli.CommandLine;

/**
 * What every command shares: the exit codes, how problems and warnings are printed, and the
 * program's version. Apart from {@link Main}, so that commands depend on it and Main, which
 * registers them, depends on the commands: one way.
 */
public final class Exit {
    private Exit() {}

    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int BAD_INPUT = 2;

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

    /** The version the build stamped into the program's resources (the Maven project version). */
    static String version() {
        try (java.io.InputStream in = Exit.class.getResourceAsStream("/pressure-version.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) p.load(in);
            String v = p.getProperty("version", "");
            if (!v.isEmpty() && !v.contains("${")) return v;
        } catch (java.io.IOException e) {
            // fall through to the manifest
        }
        String v = Exit.class.getPackage().getImplementationVersion();
        return v == null ? "(version unknown)" : v;
    }

    /** Version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"pressure " + version()};
        }
    }
}
