package org.pressure.engine.diagnostics;

/**
 * Where a value came from: a file (or a pseudo-source such as {@code --set}), a 1-based line
 * and a 1-based column. Line 0 means "the file as a whole".
 */
public record Location(String file, int line, int column) {

    public static Location ofFile(String file) {
        return new Location(file, 0, 0);
    }

    /** The same file and line, {@code n} characters further along. */
    public Location shift(int n) {
        return line == 0 ? this : new Location(file, line, column + n);
    }

    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }
}
