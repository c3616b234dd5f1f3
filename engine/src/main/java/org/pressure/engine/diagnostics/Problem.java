package org.pressure.engine.diagnostics;

/** One thing wrong with what the user gave, written for the person who has to fix it. */
public record Problem(Location location, String message) implements Comparable<Problem> {
    /** One problem is one line: line breaks in a message (quoted from a parser, say) become spaces. */
    public Problem {
        message = message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }

    @Override
    public int compareTo(Problem o) {
        int c = location.file().compareTo(o.location.file());
        if (c == 0) c = Integer.compare(location.line(), o.location.line());
        if (c == 0) c = Integer.compare(location.column(), o.location.column());
        return c;
    }
}
