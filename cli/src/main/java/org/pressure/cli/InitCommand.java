package org.pressure.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code pressure init NAME}: a commented starter scenario to fill in. */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = Exit.Version.class,
        description = {"Writes a starter scenario, NAME.yaml, with every part of the format present and commented: "
                + "replace the illustrative figures with your council's, citing each source.",
                "It runs as written: `pressure run NAME.yaml`."})
final class InitCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "The file to write (.yaml is added if missing).")
    String name;

    @Option(names = "--force", description = "Overwrite the file if it exists.")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path file = Path.of(name.endsWith(".yaml") || name.endsWith(".yml") ? name : name + ".yaml");
        if (Files.exists(file) && !force) {
            throw new ScenarioException(Location.ofFile(file.toString()), "already exists; choose another name or add --force");
        }
        String title = file.getFileName().toString().replaceFirst("\\.ya?ml$", "").replace('-', ' ').replace('_', ' ');
        String text;
        try (InputStream in = InitCommand.class.getResourceAsStream("/starter.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{NAME}}", title.replace("\"", "'"));
        }
        AtomicFiles.write(file, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
        spec.commandLine().getOut().println("Wrote " + file + ". Fill in your council's figures, then: pressure run "
                + shellWord(file.toString()));
        spec.commandLine().getOut().flush();
        return Exit.OK;
    }

    /** A path as one word a shell reads back unchanged: quoted when it holds anything but safe characters. */
    static String shellWord(String s) {
        return s.matches("[A-Za-z0-9_./+:@%=,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
