package org.pressure.engine.sweep;

import java.util.Arrays;
import org.pressure.engine.io.CsvText;

/**
 * The rows of runs.csv, written straight into bytes: run number, parameters, outputs, each
 * number as {@link CsvText#number} shows it (empty where missing). Whole numbers, most of the
 * run numbers and many outputs, are written digit by digit with no text in between; the others
 * go through the shortest-text writer. Formatting is a large share of a sweep's time, and going
 * through one StringBuilder and a String for each chunk copied every byte three times over.
 */
final class RowFormat {
    /** Whole numbers below this are written as integers (as CsvText.number writes them). */
    private static final double WHOLE = 1e15;

    private byte[] buf;
    private int size;

    RowFormat(int capacity) {
        buf = new byte[Math.max(64, capacity)];
    }

    /** The rows of runs {@code from} on, one for each pair of parameter values and outputs. */
    static byte[] rows(int from, double[][] values, double[][] outputs) {
        RowFormat f = new RowFormat(values.length * 64);
        for (int i = 0; i < values.length; i++) f.row(from + i, values[i], outputs[i]);
        return f.bytes();
    }

    void row(int run, double[] values, double[] outputs) {
        whole(run);
        for (double v : values) field(v);
        for (double v : outputs) field(v);
        room(1);
        buf[size++] = '\n';
    }

    byte[] bytes() {
        return Arrays.copyOf(buf, size);
    }

    private void field(double x) {
        room(1);
        buf[size++] = ',';
        if (Double.isNaN(x)) return;
        if (x == Math.rint(x) && Math.abs(x) < WHOLE) {
            whole((long) x);
            return;
        }
        String s = CsvText.number(x);
        int n = s.length();
        room(n);
        // the shortest text of a double is ASCII: one byte a character
        for (int i = 0; i < n; i++) buf[size + i] = (byte) s.charAt(i);
        size += n;
    }

    /** Writes a whole number's digits, as Long.toString would, without making the text. */
    private void whole(long x) {
        room(20);
        if (x < 0) {
            buf[size++] = '-';
            // |x| < 1e15 here (or a run number), so negating cannot overflow
            x = -x;
        }
        int digits = 1;
        for (long p = 10; digits < 19 && x >= p; p *= 10) digits++;
        int end = size + digits;
        for (int i = end - 1; i >= size; i--) {
            buf[i] = (byte) ('0' + x % 10);
            x /= 10;
        }
        size = end;
    }

    private void room(int n) {
        if (size + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
    }
}
