package org.pressure.engine.diagnostics;

/**
 * Where a value came from: a file, a 1-based line and a 1-based column (line 0: the file as a
 * whole); or a command-line option ({@link #ofOption}), whose text stands where the file would.
 */
public record Location(String file, int line, int column) {

    public static Location ofFile(String file) {
        return new Location(file, 0, 0);
    }

    /** A command-line option as given, such as {@code --runs 100} or {@code --set drivers.cpi=2%}. */
    public static Location ofOption(String option) {
        return new Location(option, -1, 0);
    }

    /** Whether this points at a command-line option rather than a file. */
    public boolean isOption() {
        return line < 0;
    }

    /** The same file and line, {@code n} characters further along. */
    public Location shift(int n) {
        return line <= 0 ? this : new Location(file, line, column + n);
    }

    @Override
    public String toString() {
        return line <= 0 ? file : file + ":" + line + ":" + column;
    }
}
