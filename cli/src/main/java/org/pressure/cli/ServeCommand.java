package org.pressure.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.pressure.cli.serve.Lever;
import org.pressure.cli.serve.WhatIf;
import org.pressure.cli.serve.WhatIfServer;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.xmile.Xmile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code pressure serve SCENARIO}: a what-if page for a workshop, served from this machine. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Exit.Version.class, sortOptions = false,
        description = {"Starts a local web server with a what-if page for the scenario: sliders for its levers, "
                + "the graph of doom, reserves, the budget gap and the headline indicators in words, redrawn as a "
                + "slider moves, with the scenario as written drawn faintly behind. The page can save the variant "
                + "as a scenario file and download its report.",
                "Stop it with Ctrl-C."})
final class ServeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file (.yaml, .yml or .json).")
    Path scenario;

    @Option(names = "--lever", paramLabel = "PATH=LOW..HIGH[:STEP]",
            description = {"A slider for one value of the scenario, e.g. services.prevention.floor=0%%..100%%:5%%. "
                    + "Repeatable. Default: the scenario's growth rates, percentage drivers, floors, reserves and "
                    + "failure-demand coefficients written as numbers, each with a range around its value."})
    List<String> levers = new ArrayList<>();

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port = 8080;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on (default: ${DEFAULT-VALUE}, this "
            + "machine only; 0.0.0.0 lets other machines on the network open the page).")
    String host = "127.0.0.1";

    @Option(names = "--open", description = "Open the page in a browser.")
    boolean open;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Released to stop the server: by Ctrl-C, or by a test. */
    final CountDownLatch stop = new CountDownLatch(1);
    /** The running server, once started (for tests). */
    volatile WhatIfServer server;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port " + port + ": give a port from 1 to "
                    + "65535, or 0 for any free port");
        }
        if (Xmile.isModelFile(scenario)) {
            throw new ScenarioException(Location.ofFile(scenario.toString()), "the what-if page is for council scenario "
                    + "files (.yaml, .yml, .json); run an XMILE model with `pressure run`");
        }
        WhatIf whatIf = WhatIf.load(scenario, levers, false);
        try {
            server = WhatIfServer.start(whatIf, host, port, spec.commandLine().getErr());
        } catch (BindException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port " + port + " on " + host
                    + ": cannot listen there (" + e.getMessage() + "); choose another --port, or --port 0 for any free port");
        } catch (java.net.UnknownHostException | java.nio.channels.UnresolvedAddressException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--host " + host + ": no such address on this machine");
        }
        PrintWriter o = spec.commandLine().getOut();
        WhatIfServer running = server;
        Thread hook = new Thread(() -> {
            // Ctrl-C: the JVM is going down; stop answering and say so before it does
            running.close();
            o.println("Stopped.");
            o.flush();
            stop.countDown();
        }, "pressure-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        o.println("What-if page for " + whatIf.scenario().name() + " (" + scenario + ")");
        o.println("  " + whatIf.levers().size() + " levers:");
        for (Lever l : whatIf.levers()) {
            o.println("    " + l.path() + " = " + l.values().get(0) + " .. " + l.values().get(l.values().size() - 1)
                    + " (" + l.values().size() + " positions)");
        }
        for (String note : whatIf.notes()) o.println("  (" + note + ")");
        o.println("Serving at " + server.url() + "  (Ctrl-C to stop)");
        o.flush();
        if (open) openBrowser(server.url(), o);
        try {
            stop.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
                running.close();
                o.println("Stopped.");
                o.flush();
            } catch (IllegalStateException e) {
                // already shutting down (Ctrl-C): the hook stops the server
            }
        }
        return Exit.OK;
    }

    private static void openBrowser(String url, PrintWriter o) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        List<String> command = os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", url)
                : os.contains("mac") ? List.of("open", url) : List.of("xdg-open", url);
        try {
            if (!java.awt.GraphicsEnvironment.isHeadless() && java.awt.Desktop.isDesktopSupported()
                    && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                java.awt.Desktop.getDesktop().browse(URI.create(url));
                return;
            }
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException | RuntimeException e) {
            o.println("Could not open a browser (" + e.getMessage() + "); open " + url + " in one.");
            o.flush();
        }
    }
}
