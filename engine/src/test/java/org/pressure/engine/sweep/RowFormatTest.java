package org.pressure.engine.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pressure.engine.io.CsvText;

/** runs.csv rows written straight into bytes are the rows written as text, number by number. */
class RowFormatTest {

    /** The rows as they were written before: through a StringBuilder, each number as CsvText.number shows it. */
    private static String asText(int from, double[][] values, double[][] outputs) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            rows.append(from + i);
            for (double v : values[i]) rows.append(',').append(Double.isNaN(v) ? "" : CsvText.number(v));
            for (double v : outputs[i]) rows.append(',').append(Double.isNaN(v) ? "" : CsvText.number(v));
            rows.append('\n');
        }
        return rows.toString();
    }

    private static double any(SplittableRandom r) {
        return switch (r.nextInt(12)) {
            case 0 -> Double.NaN;
            case 1 -> r.nextInt(-5000, 5000);
            case 2 -> -0.0;
            case 3 -> 0.0;
            case 4 -> (double) r.nextLong(-999_999_999_999_999L, 1_000_000_000_000_000L);
            case 5 -> r.nextBoolean() ? 1e15 : -1e15;
            case 6 -> Double.longBitsToDouble(r.nextLong()) ;
            case 7 -> r.nextDouble() * 1e-5;
            case 8 -> r.nextDouble() * 1e22;
            case 9 -> Math.round(r.nextDouble() * 1e6) / 100.0;
            case 10 -> Double.POSITIVE_INFINITY;
            default -> (r.nextDouble() - 0.5) * 1000;
        };
    }

    @Test
    void rowsInBytesAreTheRowsAsText() {
        SplittableRandom r = new SplittableRandom(21);
        for (int chunk = 0; chunk < 200; chunk++) {
            int n = 1 + r.nextInt(300);
            double[][] values = new double[n][], outputs = new double[n][];
            for (int i = 0; i < n; i++) {
                values[i] = new double[r.nextInt(5)];
                outputs[i] = new double[r.nextInt(4)];
                for (int j = 0; j < values[i].length; j++) values[i][j] = any(r);
                for (int j = 0; j < outputs[i].length; j++) outputs[i][j] = any(r);
            }
            int from = chunk == 0 ? Integer.MAX_VALUE - n : r.nextInt(2_000_000_000);
            assertEquals(asText(from, values, outputs), new String(RowFormat.rows(from, values, outputs), StandardCharsets.UTF_8));
        }
    }
}
