package org.pressure.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pressure.cli.serve.Page;
import org.pressure.cli.serve.Publication;
import org.pressure.cli.serve.WhatIf;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.io.AtomicFiles;
import org.pressure.engine.xmile.Xmile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pressure publish SCENARIO --lever ...}: a what-if page for residents that needs no server. */
@Command(name = "publish", mixinStandardHelpOptions = true, versionProvider = Exit.Version.class, sortOptions = false,
        description = {"Writes one self-contained index.html for public consultation: sliders for the levers given, "
                + "the charts and the headline indicators in words. Every combination of the levers' positions is "
                + "run now and stored in the page (at most " + "5,000" + " combinations), so it needs no server and "
                + "makes no network request."})
final class PublishCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file (.yaml, .yml or .json).")
    Path scenario;

    @Option(names = "--lever", required = true, paramLabel = "PATH=LOW..HIGH:STEP",
            description = "A slider for one value of the scenario, e.g. services.prevention.floor=0%%..100%%:25%%. "
                    + "Repeatable; the scenario's own value is always one of the positions.")
    List<String> levers;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: out/publish-<scenario file name without extension>).")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (Xmile.isModelFile(scenario)) {
            throw new ScenarioException(Location.ofFile(scenario.toString()), "a published page is made from a council "
                    + "scenario file (.yaml, .yml, .json), not an XMILE model");
        }
        WhatIf whatIf = WhatIf.load(scenario, levers, true);
        long started = System.nanoTime();
        Map<String, Object> table = Publication.table(whatIf);
        String html = Page.publish(whatIf, table);
        Path dir = out != null ? out : Path.of("out", "publish-" + RunCommand.baseName(scenario));
        AtomicFiles.writeText(dir.resolve("index.html"), w -> w.write(html));
        PrintWriter o = spec.commandLine().getOut();
        int n = whatIf.levers().size();
        o.printf(Locale.UK, "Ran %,d combinations of %d %s in %.1f s%n", Publication.combinations(whatIf.levers()),
                n, n == 1 ? "lever" : "levers", (System.nanoTime() - started) / 1e9);
        o.printf(Locale.UK, "Wrote index.html (%,d KB) to %s%n", (html.getBytes(StandardCharsets.UTF_8).length + 1023) / 1024, dir);
        o.flush();
        return Exit.OK;
    }
}
