package org.pressure.engine.xmile;

import java.util.Locale;

/**
 * How XMILE names compare: case does not matter, nor quotes around the name, and spaces,
 * underscores and the {@code \n} that some tools write for a line break are all one space.
 */
public final class XmileNames {
    private XmileNames() {}

    /** The form two names share when they mean the same variable. */
    public static String canonical(String name) {
        String s = name.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) s = s.substring(1, s.length() - 1);
        s = s.replace("\\n", " ").replace("\\\"", "\"");
        return s.toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", " ").strip();
    }

    /** The name to show people and to head a CSV column: one line, as the modeller wrote it. */
    public static String display(String name) {
        return name.replace("\\n", " ").replaceAll("[\\r\\n]+", " ").strip();
    }
}
