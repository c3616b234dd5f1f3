package org.pressure.spark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.pressure.engine.sweep.SweepRunner;

/**
 * The files one partition leaves in the parts folder: {@code part-NNNNN.csv}, its rows of
 * runs.csv exactly as the local runner writes them, and {@code part-NNNNN.bin}, each run's
 * outputs and trajectories as the doubles themselves (big-endian, every bit kept), which the
 * driver feeds into the summaries. A task writes both under names of its own attempt and renames
 * them into place only when the partition is whole, so a name without the attempt is always a
 * complete partition; an attempt that fails, or loses to a retry, leaves only its own names.
 */
final class Parts {
    private Parts() {}

    /** The folder beside the results where partitions are written while a sweep runs; removed at the end. */
    static final String FOLDER = "runs.parts";

    static Path csv(Path parts, int partition) {
        return parts.resolve(String.format(Locale.ROOT, "part-%05d.csv", partition));
    }

    static Path bin(Path parts, int partition) {
        return parts.resolve(String.format(Locale.ROOT, "part-%05d.bin", partition));
    }

    /** Where an attempt writes a part before renaming it: hidden, and its own (the attempt's id is unique in the application). */
    static Path attempt(Path part, long attemptId) {
        return part.resolveSibling("." + part.getFileName() + ".attempt-" + attemptId);
    }

    /** Appends one run to a .bin part: its run number, outputs, and trajectories with their lengths. */
    static void write(DataOutputStream out, int run, double[] outputs, double[][] trajectories) throws IOException {
        out.writeInt(run);
        for (double x : outputs) out.writeDouble(x);
        out.writeInt(trajectories.length);
        for (double[] t : trajectories) {
            out.writeInt(t.length);
            for (double x : t) out.writeDouble(x);
        }
    }

    static DataOutputStream writer(Path file) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    /**
     * Feeds the runs of a .bin part to {@code sink}, checking that they are runs {@code from} to
     * {@code to} in order; returns nothing but refuses a part that is short or long.
     */
    static void read(Path file, int from, int to, int outputs, SweepRunner.RunSink sink) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            for (int run = from; run < to; run++) {
                int at = in.readInt();
                if (at != run) throw new IOException(file + ": run " + at + " where run " + run + " was due");
                double[] o = new double[outputs];
                for (int j = 0; j < outputs; j++) o[j] = in.readDouble();
                double[][] t = new double[in.readInt()][];
                for (int k = 0; k < t.length; k++) {
                    t[k] = new double[in.readInt()];
                    for (int y = 0; y < t[k].length; y++) t[k][y] = in.readDouble();
                }
                sink.add(run, o, t);
            }
            if (in.read() != -1) throw new IOException(file + ": more than runs " + from + " to " + (to - 1));
        } catch (EOFException e) {
            throw new IOException(file + ": ends before run " + (to - 1), e);
        }
    }
}
