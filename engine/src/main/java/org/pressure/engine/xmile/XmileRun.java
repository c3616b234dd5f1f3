package org.pressure.engine.xmile;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import org.pressure.engine.io.AtomicFiles;

/**
 * The saved rows of an XMILE run: the times, and each variable's values under its display name.
 *
 * @param columns {@code columns.get(i)[row]} is variable {@code names.get(i)} at {@code times[row]}
 */
public record XmileRun(double[] times, List<String> names, List<double[]> columns) {

    public XmileRun {
        names = List.copyOf(names);
        columns = List.copyOf(columns);
    }

    /** The values of the variable called {@code name} (compared as XMILE compares names). */
    public double[] column(String name) {
        String wanted = XmileNames.canonical(name);
        for (int i = 0; i < names.size(); i++) {
            if (XmileNames.canonical(names.get(i)).equals(wanted)) return columns.get(i);
        }
        throw new IllegalArgumentException("no variable `" + name + "` in this run; there are " + names);
    }

    /** Writes {@code results.csv}: {@code time}, then one column per variable, one row per saved step. */
    public void writeCsv(Path file) throws IOException {
        AtomicFiles.writeText(file, this::writeCsv);
    }

    public void writeCsv(Writer w) throws IOException {
        w.write("time");
        for (String n : names) {
            w.write(',');
            w.write(csvField(n));
        }
        w.write('\n');
        for (int row = 0; row < times.length; row++) {
            w.write(number(times[row]));
            for (double[] c : columns) {
                w.write(',');
                w.write(number(c[row]));
            }
            w.write('\n');
        }
    }

    static String number(double x) {
        return org.pressure.engine.io.CsvText.number(x);
    }

    private static String csvField(String s) {
        return org.pressure.engine.io.CsvText.field(s);
    }
}
