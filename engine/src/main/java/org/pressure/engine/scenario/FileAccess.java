package org.pressure.engine.scenario;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.ScenarioException;

/**
 * Which files a scenario or sweep file may make the program read: those it names inside its own
 * folder or a folder below it ({@code extends: base.yaml}, {@code csv: data/pop.csv}), and those
 * inside the folder the command was started in or the folder of a file given on the command line,
 * or below them ({@code scenario: ../scenarios/base.yaml} from {@code sweeps/}, run from the
 * project folder). Anything else, an absolute path or one that climbs out with {@code ..}, is
 * refused, because a file received by email could otherwise read {@code /etc/shadow} or
 * {@code ../../secrets.csv} into error messages and reports; the person running the program may
 * allow it with {@code --allow-outside}. See docs/limits-and-security.md.
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

    /** The folders of the files given on the command line; files in them or below may be named. */
    private static volatile List<Path> topLevel = List.of();

    /**
     * Trusts the folders of {@code files}, the files the person named on the command line, as the
     * folder the command was started in is trusted: they chose those files, so what lies beside
     * and below them is theirs to read. Replaces the folders of an earlier command.
     */
    public static void topLevelFiles(List<Path> files) {
        List<Path> folders = new ArrayList<>();
        for (Path f : files) {
            Path parent = f.toAbsolutePath().normalize().getParent();
            if (parent != null) folders.add(parent);
        }
        topLevel = List.copyOf(folders);
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
        Path parent = namingFile.getParent();
        Path resolved = (parent == null ? p : parent.resolve(p)).normalize();
        if (!allowOutside) {
            boolean climbs = false;
            for (Path part : p) climbs |= part.toString().equals("..");
            if ((p.isAbsolute() || p.getRoot() != null || climbs) && !trusted(resolved)) {
                throw new ScenarioException(at, "`" + key + "` names a file outside this file's folder (" + written
                        + "); files are named relative to the file that names them, and must lie in its folder, the "
                        + "folder the command was started in, or a folder below one of them. "
                        + "If you trust this file, run with --allow-outside to read it");
            }
        }
        return resolved;
    }

    /**
     * Whether {@code file} lies in the folder the command was started in, or a top-level file's
     * folder, or below one of them. Compared as written, after {@code ..} is taken out, so a path
     * cannot climb back out through a trusted folder.
     */
    private static boolean trusted(Path file) {
        Path f = file.toAbsolutePath().normalize();
        if (f.startsWith(Path.of("").toAbsolutePath().normalize())) return true;
        for (Path folder : topLevel) {
            if (f.startsWith(folder)) return true;
        }
        return false;
    }
}
