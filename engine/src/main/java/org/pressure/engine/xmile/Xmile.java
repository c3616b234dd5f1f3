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
        return XmileCompiler.compile(XmileReader.read(file));
    }
}
