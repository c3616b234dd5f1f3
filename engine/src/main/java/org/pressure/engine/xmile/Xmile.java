package org.pressure.engine.xmile;

import java.nio.file.Path;
import java.util.Locale;

/** The XMILE front door: read a model file, compile it, run it. */
public final class Xmile {
    private Xmile() {}

    /** Whether {@code file} is an XMILE model by its extension (.xmile, .xml, .stmx, .itmx). */
    public static boolean isModelFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xmile") || name.endsWith(".xml") || name.endsWith(".stmx") || name.endsWith(".itmx");
    }

    /**
     * Reads and compiles {@code file}.
     *
     * @throws org.pressure.engine.scenario.ScenarioException naming the file, line and problem
     */
    public static CompiledXmile load(Path file) {
        try {
            return XmileCompiler.compile(XmileReader.read(file));
        } catch (NumberFormatException | NullPointerException | IndexOutOfBoundsException e) {
            // a model file with attributes missing or malformed in a way no check above caught:
            // still the file's fault, so say so rather than fail as a bug
            throw new org.pressure.engine.scenario.ScenarioException(
                    org.pressure.engine.scenario.Location.ofFile(file.toString()),
                    "the model could not be read: an element lacks an attribute it needs or has one that is not "
                            + "a number (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }
}
