package org.pressure.engine.xmile;

import java.nio.file.Path;
import java.util.Locale;

/** The XMILE front door: read a model file, compile it, run it. */
public final class Xmile {
    private Xmile() {}

    /**
     * Whether {@code file} is a system-dynamics model by its extension: XMILE (.xmile, .xml,
     * .stmx, .itmx) or Vensim text (.mdl).
     */
    public static boolean isModelFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xmile") || name.endsWith(".xml") || name.endsWith(".stmx") || name.endsWith(".itmx")
                || VensimReader.isModelFile(file);
    }

    /** Reads {@code file}, XMILE or Vensim by its extension, without compiling it. */
    public static XmileModel read(Path file) {
        return VensimReader.isModelFile(file) ? VensimReader.read(file) : XmileReader.read(file);
    }

    /**
     * Reads and compiles {@code file}.
     *
     * @throws org.pressure.engine.diagnostics.ScenarioException naming the file, line and problem
     */
    public static CompiledXmile load(Path file) {
        try {
            return XmileCompiler.compile(read(file));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            // a number or a list in the file malformed in a way no check caught: the file's fault,
            // so say so; a missing attribute is checked where it is read, never caught here
            throw new org.pressure.engine.diagnostics.ScenarioException(
                    org.pressure.engine.diagnostics.Location.ofFile(file.toString()),
                    "the model could not be read: an attribute or a list of numbers is malformed ("+ e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }
}
