package org.pressure.spark;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.pressure.engine.sweep.SweepRunner;

/**
 * One partition of a sweep, on an executor: runs its range of run indices on the compiled
 * model, a chunk at a time, appending each chunk's rows to the partition's .csv part and its
 * outputs and trajectories to the .bin part (so memory holds one chunk, however large the
 * partition), and hands the runs on as rows for the Parquet dataset. The parts are renamed into
 * place when the range is done. A retried attempt computes the same rows (a run depends only on
 * its index and the seed) and renames them over whatever an earlier attempt may have finished.
 */
final class PartitionTask implements FlatMapFunction<Iterator<Integer>, Row> {
    private static final long serialVersionUID = 1L;

    private final Job job;
    private final String parts;
    private final int partitionRuns;
    private final int runs;
    /** A partition whose first attempt fails half-way, to check retries (spark.pressure.failOnce); -1: none. */
    private final int failOnce;
    /** Whether the rows go on to Parquet; without, each run is handed on as an empty row, not built. */
    private final boolean parquet;

    PartitionTask(Job job, String parts, int partitionRuns, int runs, int failOnce, boolean parquet) {
        this.job = job;
        this.parts = parts;
        this.partitionRuns = partitionRuns;
        this.runs = runs;
        this.failOnce = failOnce;
        this.parquet = parquet;
    }

    @Override
    public Iterator<Row> call(Iterator<Integer> partitions) {
        // one element per Spark partition: the index of the range of runs it makes
        int partition = partitions.next();
        int from = (int) Math.min(runs, (long) partition * partitionRuns);
        int to = (int) Math.min(runs, (long) from + partitionRuns);
        TaskContext context = TaskContext.get();
        long attempt = context == null ? 0 : context.taskAttemptId();
        boolean fail = partition == failOnce && context != null && context.attemptNumber() == 0;
        return new Rows(job.compiled(), Path.of(parts), partition, from, to, attempt, fail, parquet);
    }

    /** The rows of one partition, computed a chunk at a time as they are asked for. */
    private static final class Rows implements Iterator<Row> {
        /** Runs computed together, as many as the local runner's chunk. */
        private static final int CHUNK = 256;
        private static final Row NONE = RowFactory.create();

        private final Job.Compiled compiled;
        private final int from;
        private final int to;
        private final boolean fail;
        private final boolean parquet;
        private final Path csv;
        private final Path bin;
        private final Path csvAttempt;
        private final Path binAttempt;
        private OutputStream csvOut;
        private DataOutputStream binOut;
        private int next;
        private SweepRunner.Chunk chunk;
        private int inChunk;
        private boolean committed;

        Rows(Job.Compiled compiled, Path parts, int partition, int from, int to, long attempt, boolean fail,
             boolean parquet) {
            this.parquet = parquet;
            this.compiled = compiled;
            this.from = from;
            this.to = to;
            this.fail = fail;
            this.next = from;
            csv = Parts.csv(parts, partition);
            bin = Parts.bin(parts, partition);
            csvAttempt = Parts.attempt(csv, attempt);
            binAttempt = Parts.attempt(bin, attempt);
            try {
                Files.createDirectories(parts);
                csvOut = Files.newOutputStream(csvAttempt);
                binOut = Parts.writer(binAttempt);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            TaskContext context = TaskContext.get();
            // a failed or killed attempt leaves no file behind but its own, and removes those it can
            if (context != null) context.addTaskFailureListener((org.apache.spark.util.TaskFailureListener) (c, error) -> discard());
        }

        @Override
        public boolean hasNext() {
            if (chunk != null && inChunk < chunk.outputs().length) return true;
            if (next < to) {
                computeChunk();
                return true;
            }
            if (!committed) commit();
            return false;
        }

        @Override
        public Row next() {
            if (!hasNext()) throw new NoSuchElementException();
            if (!parquet) {
                inChunk++;
                return NONE;
            }
            int run = chunk.first() + inChunk;
            double[] values = compiled.plan().values(run);
            double[] outputs = chunk.outputs()[inChunk++];
            Object[] fields = new Object[1 + values.length + outputs.length];
            fields[0] = run;
            // NaN is a missing value (a parameter left as written, a year never reached): null, as runs.csv leaves it empty
            for (int j = 0; j < values.length; j++) fields[1 + j] = Double.isNaN(values[j]) ? null : values[j];
            for (int j = 0; j < outputs.length; j++) fields[1 + values.length + j] = Double.isNaN(outputs[j]) ? null : outputs[j];
            return RowFactory.create(fields);
        }

        private void computeChunk() {
            int end = Math.min(to, next + CHUNK);
            chunk = compiled.runner().compute(next, end);
            inChunk = 0;
            try {
                csvOut.write(chunk.rows());
                for (int i = 0; i < chunk.outputs().length; i++) {
                    Parts.write(binOut, chunk.first() + i, chunk.outputs()[i], chunk.trajectories()[i]);
                }
                if (fail && next >= from + (to - from) / 2) {
                    csvOut.flush();
                    binOut.flush();
                    throw new IllegalStateException("failing the first attempt of this partition half-way, as "
                            + "spark.pressure.failOnce asks");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            next = end;
        }

        /** Closes the attempt's files and renames them into place: from here on the partition is complete. */
        private void commit() {
            try {
                csvOut.close();
                binOut.close();
                // the .bin first: the driver reads a partition only after the job succeeded, but a
                // part-NNNNN.csv that exists then always has its .bin
                move(binAttempt, bin);
                move(csvAttempt, csv);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            committed = true;
        }

        private static void move(Path from, Path to) throws IOException {
            try {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        private void discard() {
            try {
                csvOut.close();
                binOut.close();
            } catch (IOException ignored) {
                // the files are deleted next, closed or not
            }
            try {
                Files.deleteIfExists(csvAttempt);
                Files.deleteIfExists(binAttempt);
            } catch (IOException ignored) {
                // an attempt's file left behind is never read: its name is not a part's
            }
        }
    }
}
