package org.pressure.engine.scenario;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.ScenarioException;

/**
 * Which files a scenario or sweep file may make the program read: those it names by a relative
 * path inside its own folder or a folder below it ({@code extends: base.yaml},
 * {@code csv: data/pop.csv}). An absolute path or one that climbs out with {@code ..} is refused,
 * because a file received by email could otherwise read {@code /etc/shadow} or
 * {@code ../../secrets.csv} into error messages and reports; the person running the program may
 * allow them with {@code --allow-outside}. See docs/limits-and-security.md.
 */
public final class FileAccess {
    private FileAccess() {}

    /**
     * Whether absolute and parent paths are allowed. One setting for the process, as the command
     * line gives it: the program runs one command and exits.
     */
    private static volatile boolean allowOutside;

    public static void allowOutside(boolean allow) {
        allowOutside = allow;
    }

    public static boolean outsideAllowed() {
        return allowOutside;
    }

    /**
     * The file that {@code written}, given by {@code key} at {@code at} in {@code namingFile},
     * names: resolved against the folder of {@code namingFile} and normalised, so that it reads as
     * relative to where the first file was given ({@code scenarios/base.yaml}, not
     * {@code /home/.../scenarios/variants/../base.yaml}).
     *
     * @throws ScenarioException at {@code at} if the path is not a valid path, or leaves the
     *                           folder when that is not allowed
     */
    public static Path resolve(String written, Path namingFile, Location at, String key) {
        Path p;
        try {
            p = Path.of(written);
        } catch (InvalidPathException e) {
            throw new ScenarioException(at, "`" + key + "` is not a valid file path (" + e.getReason() + ")");
        }
        if (!allowOutside) {
            boolean climbs = false;
            for (Path part : p) climbs |= part.toString().equals("..");
            if (p.isAbsolute() || p.getRoot() != null || climbs) {
                throw new ScenarioException(at, "`" + key + "` names a file outside this file's folder (" + written
                        + "); files are named relative to the file that names them, in its folder or below. "
                        + "If you trust this file, run with --allow-outside to read it");
            }
        }
        Path parent = namingFile.getParent();
        return (parent == null ? p : parent.resolve(p)).normalize();
    }
}
