package org.pressure.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pressure.engine.io.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pressure schema}: the JSON Schema of scenario or sweep files, for editors that validate and complete. */
@Command(name = "schema", mixinStandardHelpOptions = true, versionProvider = Exit.Version.class,
        description = {"Prints the JSON Schema of scenario files (or sweep files), so that editors such as VS Code "
                + "check and complete them as they are typed.",
                "With the YAML extension for VS Code, put `# yaml-language-server: $schema=PATH` on the first line "
                        + "of a scenario, or map the schema to scenarios/*.yaml in the settings (see Editor support in docs/scenario-format.md)."})
final class SchemaCommand implements Callable<Integer> {

    /** Which file type. */
    enum Kind { scenario, sweep }

    @Parameters(index = "0", arity = "0..1", paramLabel = "KIND", defaultValue = "scenario",
            description = "scenario (default) or sweep.")
    Kind kind;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of printing.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The schema's text, from the program's own resources. */
    static String schema(Kind kind) throws IOException {
        try (InputStream in = SchemaCommand.class.getResourceAsStream("/schema/" + kind + ".schema.json")) {
            if (in == null) throw new IOException("the " + kind + " schema is missing from the program");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public Integer call() throws IOException {
        String text = schema(kind);
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            AtomicFiles.write(out, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
        }
        return Exit.OK;
    }
}
