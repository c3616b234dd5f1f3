package org.pressure.engine.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.pressure.engine.council.ResultsWriter;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.ScenarioException;

/**
 * Runs a sweep: computes runs in parallel in chunks, writes {@code runs.csv} strictly in run
 * order (so the file is the same for any thread count), and folds each run into streaming
 * summaries as it is written. Memory does not grow with the number of runs, except for the
 * sensitivity designs, whose estimators need every output.
 */
public final class SweepRunner {
    /** Runs computed together by one task; a chunk is written with one write, so a kill leaves whole lines. */
    static final int CHUNK = 256;
    /** Samples kept per year for fan-chart bands; with no more runs than this the bands are exact. */
    static final int RESERVOIR = 4096;
    static final double[] PERCENTILES = {0.05, 0.25, 0.5, 0.75, 0.95};
    /**
     * Up to this many output values (runs times outputs: 16 MB of doubles), percentiles are taken
     * from the outputs kept in memory; beyond it, by exact selection passes over the outputs
     * spilled to a binary file ({@link OutputSpill}), so memory stays flat however many runs a
     * sweep makes.
     */
    static final int IN_MEMORY_VALUES = 1 << 21;
    /** The limit in force: IN_MEMORY_VALUES, lowered by tests to exercise the re-reading path. */
    static int inMemoryValues = IN_MEMORY_VALUES;

    private final SweepTarget model;
    private final SweepSpec spec;
    private final Plan plan;
    private final int threads;
    private LongConsumer progress;

    public SweepRunner(SweepTarget model, int threads, LongConsumer progress) {
        this.model = model;
        this.spec = model.spec();
        this.plan = Plan.of(spec);
        this.threads = Math.max(1, threads);
        this.progress = progress;
    }

    public int runs() {
        return plan.runs();
    }

    /** Sets what is told the number of runs finished, in run order, as chunks finish (null: nothing). */
    public void onProgress(LongConsumer progress) {
        this.progress = progress;
    }

    /**
     * What one chunk produced: the rows of runs.csv for runs {@code first} on, and each run's
     * outputs and trajectories, which the summaries take in run order.
     */
    public record Chunk(int first, byte[] rows, double[][] outputs, double[][][] trajectories) {}

    /**
     * Computes runs {@code from} to {@code to} (exclusive) on the calling thread, as {@link #run}
     * computes each of its chunks: for a runner that spreads ranges of runs over other machines
     * and hands them back through {@link #collect}.
     */
    public Chunk compute(int from, int to) {
        if (from < 0 || to > plan.runs() || from > to) {
            throw new IllegalArgumentException("runs " + from + " to " + to + " of " + plan.runs());
        }
        return chunk(from, to);
    }

    /** Takes each run's outputs and trajectories, in run order. */
    public interface RunSink {
        void add(int run, double[] outputs, double[][] trajectories) throws IOException;
    }

    /** Runs computed elsewhere, handed over in run order. */
    public interface Feed {
        /**
         * Computes (or has computed) every run, then appends each run's row of runs.csv to
         * {@code rows} and gives its outputs and trajectories to {@code sink}, both in run order.
         */
        void feed(WritableByteChannel rows, RunSink sink) throws IOException;
    }

    /**
     * Writes runs.csv and the summaries of runs computed elsewhere, as {@link #run} does for the
     * runs it computes: the folder is locked for as long as {@code feed} runs, the same files in
     * the way are refused, the rows grow in runs.csv.partial (removed if the feed fails), and the
     * summaries take the runs in run order, so runs.csv and summary.json are byte for byte the
     * local runner's.
     */
    public SweepResult collect(Path dir, Feed feed) throws IOException {
        Files.createDirectories(dir);
        try (FolderLock lock = FolderLock.take(dir)) {
            Path csv = dir.resolve("runs.csv");
            Path partial = dir.resolve(PARTIAL);
            refuseInTheWay(csv, partial, false);
            Files.deleteIfExists(partial);
            Files.write(partial, header().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            reused = 0;
            int runs = plan.runs();
            Accumulator acc = new Accumulator(spec, model.firstYear(), model.years(), runs, dir);
            boolean finished = false;
            try (FileChannel out = FileChannel.open(partial, StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                    LinkOption.NOFOLLOW_LINKS)) {
                int[] next = {0};
                feed.feed(out, (run, outputs, trajectories) -> {
                    // the summaries are only the local runner's if every run comes once, in order
                    if (run != next[0] || run >= runs) {
                        throw new IllegalStateException("run " + run + " handed over where run " + next[0] + " was due");
                    }
                    next[0]++;
                    acc.add(run, outputs, trajectories);
                    if (progress != null && (next[0] % CHUNK == 0 || next[0] == runs)) progress.accept(next[0]);
                });
                if (next[0] != runs) throw new IllegalStateException(next[0] + " of " + runs + " runs handed over");
                finished = true;
            } finally {
                if (!finished) {
                    Files.deleteIfExists(partial);
                    acc.close();
                }
            }
            return finish(acc, partial, csv);
        }
    }

    /** The summaries made, and runs.csv.partial renamed to runs.csv, replacing it (never writing through a link). */
    private SweepResult finish(Accumulator acc, Path partial, Path csv) throws IOException {
        SweepResult result;
        try {
            result = acc.finish(plan);
        } finally {
            acc.close();
        }
        try {
            Files.move(partial, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(partial, csv, StandardCopyOption.REPLACE_EXISTING);
        }
        return result;
    }

    private static void refuseInTheWay(Path csv, Path partial, boolean resume) {
        for (Path p : List.of(csv, partial)) {
            // a link in the way is replaced, never written through; but resuming would read through it
            boolean inTheWay = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                    || resume && Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
            if (inTheWay) {
                throw new ScenarioException(Location.ofFile(p.toString()), "is not an ordinary file (a folder or a "
                        + "link); move it away, or choose another --out folder");
            }
        }
    }

    /** Where the rows of a sweep grow until it finishes; renamed to runs.csv then. */
    public static final String PARTIAL = "runs.csv.partial";
    /** Held while a sweep writes into a folder, so that two sweeps cannot write into one. */
    public static final String LOCK = ".pressure-sweep.lock";

    /**
     * Runs every run, writing {@code runs.csv} in {@code dir}. The rows grow in
     * {@code runs.csv.partial}, which becomes runs.csv (replacing it, never writing through a link)
     * only when every run is done: a sweep refused part-way leaves the folder as it was, and one
     * killed leaves the partial file for {@code --resume}. With {@code resume}, the rows already
     * in the partial file (or, if there is none, in runs.csv) are checked against a fresh
     * computation and kept; the rest are added. The folder is locked while the sweep runs.
     */
    public SweepResult run(Path dir, boolean resume) throws IOException {
        Files.createDirectories(dir);
        try (FolderLock lock = FolderLock.take(dir)) {
            return runLocked(dir, resume);
        }
    }

    private SweepResult runLocked(Path dir, boolean resume) throws IOException {
        Path csv = dir.resolve("runs.csv");
        Path partial = dir.resolve(PARTIAL);
        String header = header();
        int runs = plan.runs();
        long existing = 0;
        refuseInTheWay(csv, partial, resume);
        boolean fromPartial = resume && Files.exists(partial, LinkOption.NOFOLLOW_LINKS);
        if (resume && !fromPartial && Files.exists(csv, LinkOption.NOFOLLOW_LINKS)) {
            Files.copy(csv, partial, StandardCopyOption.REPLACE_EXISTING);
            fromPartial = true;
        }
        if (fromPartial) {
            existing = prepareResume(partial, header);
        } else {
            Files.deleteIfExists(partial);
            Files.write(partial, header.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        }
        reused = existing;
        Accumulator acc = new Accumulator(spec, model.firstYear(), model.years(), runs, dir);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sweep-worker");
            t.setDaemon(true);
            return t;
        });
        boolean finished = false;
        try (FileChannel out = FileChannel.open(partial, StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                LinkOption.NOFOLLOW_LINKS);
             BufferedReader old = existing > 0 ? Files.newBufferedReader(partial) : null) {
            if (old != null) old.readLine();
            int chunks = (runs + CHUNK - 1) / CHUNK;
            Deque<Future<Chunk>> window = new ArrayDeque<>();
            int next = 0;
            // rows kept from an interrupted sweep are read back, not run again (unless trajectories
            // need their years): their parameters are checked against the plan, and the first row
            // of each chunk is run again and checked whole, which catches a changed scenario unless
            // the change touches only runs that are no chunk's first
            boolean readBack = spec.trajectories().isEmpty();
            for (int done = 0; done < chunks; done++) {
                while (window.size() < threads * 4 && next < chunks) {
                    int c = next++;
                    int from = c * CHUNK, to = Math.min(runs, (c + 1) * CHUNK);
                    boolean kept = readBack && to <= existing;
                    window.add(pool.submit(() -> chunk(from, kept ? from + 1 : to)));
                }
                Chunk c = take(window.poll());
                int first = c.first();
                int n = Math.min(runs, first + CHUNK) - first;
                if (readBack && first + n <= existing) {
                    keep(old, c, n, acc);
                } else {
                    long firstNew = Math.max(0, existing - first);
                    if (firstNew > 0) verify(old, c, (int) Math.min(n, firstNew));
                    if (firstNew < n) write(out, c, (int) firstNew);
                    for (int i = 0; i < n; i++) acc.add(first + i, c.outputs()[i], c.trajectories()[i]);
                }
                if (progress != null) progress.accept(first + n);
            }
            finished = true;
        } finally {
            pool.shutdownNow();
            // refused part-way (not killed): leave no trace, and the earlier runs.csv as it was
            if (!finished && !resume) Files.deleteIfExists(partial);
            if (!finished) acc.close();
        }
        return finish(acc, partial, csv);
    }

    private long reused;

    /** Rows of an earlier, interrupted sweep that the last {@link #run} kept (0 without --resume). */
    public long reusedRows() {
        return reused;
    }

    private static Chunk take(Future<Chunk> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ScenarioException se) throw se;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IOException(e.getCause());
        }
    }

    String header() {
        StringBuilder h = new StringBuilder("run");
        for (String p : spec.parameterPaths()) h.append(',').append(csvField(p));
        for (OutputSpec o : spec.outputs()) h.append(',').append(csvField(o.name()));
        return h.append('\n').toString();
    }

    static String csvField(String s) {
        return org.pressure.engine.io.CsvText.field(s);
    }

    /**
     * Runs {@code from} to {@code to}: first every run, then their rows of runs.csv, in two loops
     * so that each stays small for the JIT to compile.
     */
    private Chunk chunk(int from, int to) {
        int n = to - from;
        double[][] values = new double[n][];
        double[][] outputs = new double[n][];
        double[][][] trajectories = new double[n][][];
        SweepTarget.Evaluation evaluator = model.evaluator();
        int outs = spec.outputs().size();
        for (int i = 0; i < n; i++) {
            int run = from + i;
            values[i] = plan.values(run);
            outputs[i] = new double[outs];
            try {
                trajectories[i] = evaluator.run(values[i], outputs[i]);
            } catch (ScenarioException e) {
                throw new ScenarioException(model.parametersAt(), "run " + run + " ("
                        + describe(values[i]) + "): " + e.getMessage().replace('\n', ' '));
            }
        }
        return new Chunk(from, rows(from, values, outputs), outputs, trajectories);
    }

    /** The rows of runs.csv for runs from {@code from} on: run, parameters, outputs (empty where missing). */
    private static byte[] rows(int from, double[][] values, double[][] outputs) {
        return RowFormat.rows(from, values, outputs);
    }

    private String describe(double[] values) {
        List<String> parts = new ArrayList<>();
        List<String> paths = spec.parameterPaths();
        for (int j = 0; j < values.length; j++) {
            if (!Double.isNaN(values[j])) parts.add(paths.get(j) + "=" + ResultsWriter.number(values[j]));
        }
        return parts.isEmpty() ? "the scenario as written" : String.join(", ", parts);
    }

    /** Appends the chunk's rows from row {@code skip} on, in one write. */
    private static void write(FileChannel out, Chunk c, int skip) throws IOException {
        byte[] rows = c.rows();
        int offset = 0;
        for (int i = 0; i < skip; i++) offset = indexOf(rows, offset) + 1;
        ByteBuffer buf = ByteBuffer.wrap(rows, offset, rows.length - offset);
        while (buf.hasRemaining()) out.write(buf);
    }

    private static int indexOf(byte[] rows, int from) {
        for (int i = from; i < rows.length; i++) if (rows[i] == '\n') return i;
        return rows.length - 1;
    }

    /**
     * Keeps {@code n} rows of an interrupted sweep without running them again: each row's run
     * number and parameters must be the plan's, the first row must equal {@code sample} (that row
     * run again), and the outputs are read back into the summaries.
     */
    private void keep(BufferedReader old, Chunk sample, int n, Accumulator acc) throws IOException {
        String again = new String(sample.rows(), StandardCharsets.UTF_8);
        again = again.substring(0, again.indexOf('\n'));
        int params = spec.parameterPaths().size(), outs = spec.outputs().size();
        double[][] none = new double[0][];
        for (int i = 0; i < n; i++) {
            int run = sample.first() + i;
            String kept = old.readLine();
            String[] fields = kept == null ? new String[0] : kept.split(",", -1);
            boolean same = fields.length == 1 + params + outs && fields[0].equals(Integer.toString(run));
            double[] values = plan.values(run);
            for (int j = 0; same && j < params; j++) {
                same = fields[1 + j].equals(Double.isNaN(values[j]) ? "" : ResultsWriter.number(values[j]));
            }
            if (i == 0) same &= again.equals(kept);
            if (!same) throw resumeMismatch(run);
            double[] o = new double[outs];
            for (int j = 0; j < outs; j++) {
                String f = fields[1 + params + j];
                o[j] = f.isEmpty() ? Double.NaN : Double.parseDouble(f);
            }
            acc.add(run, o, none);
        }
    }

    private ScenarioException resumeMismatch(int run) {
        return new ScenarioException(Location.ofFile(spec.sweepFile().toString()), "--resume: row " + run
                + " of the existing runs.csv differs from what this sweep computes (was the sweep, the scenario "
                + "or the seed changed?); move runs.csv away or run without --resume");
    }

    /** Checks that rows kept from an interrupted sweep are the rows this sweep computes. */
    private void verify(BufferedReader old, Chunk c, int n) throws IOException {
        String[] lines = new String(c.rows(), StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < n; i++) {
            String kept = old.readLine();
            if (!lines[i].equals(kept)) throw resumeMismatch(c.first() + i);
        }
    }

    /**
     * Makes an interrupted runs.csv ready to append to: checks its header and cuts any torn last
     * line. Returns the number of whole rows kept.
     */
    private long prepareResume(Path csv, String header) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(csv.toFile(), "rw")) {
            long length = f.length();
            byte[] expected = header.getBytes(StandardCharsets.UTF_8);
            byte[] start = new byte[(int) Math.min(length, expected.length)];
            f.readFully(start);
            if (length < expected.length || !java.util.Arrays.equals(start, expected)) {
                if (length <= expected.length && new String(expected, StandardCharsets.UTF_8).startsWith(
                        new String(start, StandardCharsets.UTF_8))) {
                    f.setLength(0);
                    f.write(expected);
                    return 0;
                }
                throw new ScenarioException(Location.ofFile(csv.toString()), "--resume: this runs.csv has other columns "
                        + "than this sweep writes; move it away or run without --resume");
            }
            long end = length;
            while (end > expected.length) {
                f.seek(end - 1);
                if (f.read() == '\n') break;
                end--;
            }
            f.setLength(end);
        }
        long lines;
        try (var s = Files.lines(csv)) {
            lines = s.count();
        }
        long rows = lines - 1;
        if (rows > plan.runs()) {
            // a sweep resumed with fewer runs than before: keep only the rows this sweep makes
            try (RandomAccessFile f = new RandomAccessFile(csv.toFile(), "rw");
                 BufferedReader in = Files.newBufferedReader(csv)) {
                long offset = 0;
                for (long i = 0; i <= plan.runs(); i++) offset += in.readLine().getBytes(StandardCharsets.UTF_8).length + 1;
                f.setLength(offset);
            }
            rows = plan.runs();
        }
        return rows;
    }

    /** Streaming summaries, fed in run order. */
    private static final class Accumulator implements AutoCloseable {
        private final SweepSpec spec;
        /** The first year and the number of years, for year outputs and trajectories (none for XMILE). */
        private final int firstYear;
        private final int years;
        private final int outputs;
        private final long[] count;
        private final double[] mean;
        private final double[] m2;
        private final double[] min;
        private final double[] max;
        private final long[][] firstDigit;
        private final long[][] yearCounts;
        /** Which outputs are years, looked up once: add() runs for every run, on the thread that writes. */
        private final boolean[] year;
        private final double[][][] reservoir;
        private final SplittableRandom sampler;
        private final double[][] stored;
        /** Each output's values while the sweep holds no more than IN_MEMORY_VALUES of them; else null. */
        private double[][] kept;
        /** Beyond IN_MEMORY_VALUES, every output of every run, in a file; else null. */
        private final OutputSpill spill;
        private long seen;

        Accumulator(SweepSpec spec, int firstYear, int years, int runs, Path dir) throws IOException {
            this.spec = spec;
            this.firstYear = firstYear;
            this.years = years;
            this.outputs = spec.outputs().size();
            count = new long[outputs];
            mean = new double[outputs];
            m2 = new double[outputs];
            min = new double[outputs];
            max = new double[outputs];
            java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
            // the radix selection's first histogram is needed only for outputs spilled to disk
            firstDigit = (long) runs * Math.max(1, outputs) <= inMemoryValues ? null : new long[outputs][ExactQuantiles.BUCKETS];
            yearCounts = new long[outputs][years];
            year = new boolean[outputs];
            for (int j = 0; j < outputs; j++) year[j] = spec.outputs().get(j).isYear();
            reservoir = new double[spec.trajectories().size()][years][Math.min(RESERVOIR, runs)];
            sampler = new SplittableRandom(Plan.mix(spec.seed() ^ 0x5DEECE66DL));
            boolean sensitivity = spec.design() == SweepSpec.Design.SOBOL || spec.design() == SweepSpec.Design.MORRIS
                    || spec.design() == SweepSpec.Design.ONE_AT_A_TIME;
            stored = sensitivity ? new double[runs][] : null;
            kept = (long) runs * Math.max(1, outputs) <= inMemoryValues ? new double[outputs][runs] : null;
            spill = kept == null && outputs > 0 ? OutputSpill.create(dir, outputs) : null;
        }

        @Override
        public void close() throws IOException {
            if (spill != null) spill.close();
        }

        void add(int run, double[] o, double[][] trajectories) throws IOException {
            if (spill != null) spill.add(o);
            for (int j = 0; j < outputs; j++) {
                double x = o[j];
                if (Double.isNaN(x)) continue;
                long n = ++count[j];
                if (kept != null) kept[j][(int) n - 1] = x;
                double d = x - mean[j];
                mean[j] += d / n;
                m2[j] += d * (x - mean[j]);
                min[j] = Math.min(min[j], x);
                max[j] = Math.max(max[j], x);
                if (firstDigit != null) firstDigit[j][ExactQuantiles.digit(ExactQuantiles.key(x), 0)]++;
                if (year[j]) {
                    int i = (int) x - firstYear;
                    if (i >= 0 && i < yearCounts[j].length) yearCounts[j][i]++;
                }
            }
            // reservoir sampling (algorithm R) with the sweep's own seeded generator, in run order
            int slot = seen < RESERVOIR ? (int) seen : (int) sampler.nextLong(seen + 1);
            if (slot < RESERVOIR) {
                for (int t = 0; t < trajectories.length; t++) {
                    for (int y = 0; y < trajectories[t].length; y++) reservoir[t][y][slot] = trajectories[t][y];
                }
            }
            seen++;
            if (stored != null) stored[run] = o;
        }

        SweepResult finish(Plan plan) throws IOException {
            if (spill != null) spill.finish();
            // each output's selection passes read the spill on their own, so outputs go in parallel
            SweepResult.OutputSummary[] each = new SweepResult.OutputSummary[outputs];
            try {
                java.util.stream.IntStream.range(0, outputs).parallel().forEach(j -> {
                    try {
                        each[j] = summary(j);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            List<SweepResult.OutputSummary> summaries = List.of(each);
            List<SweepResult.Band> bands = new ArrayList<>();
            int kept = (int) Math.min(seen, RESERVOIR);
            int[] years = new int[this.years];
            for (int y = 0; y < years.length; y++) years[y] = firstYear + y;
            for (int t = 0; t < reservoir.length; t++) {
                double[][] q = new double[PERCENTILES.length][years.length];
                for (int y = 0; y < years.length; y++) {
                    double[] sample = java.util.Arrays.copyOf(reservoir[t][y], kept);
                    java.util.Arrays.sort(sample);
                    for (int p = 0; p < PERCENTILES.length; p++) q[p][y] = sorted(sample, PERCENTILES[p]);
                }
                bands.add(new SweepResult.Band(spec.trajectories().get(t), years, q[0], q[1], q[2], q[3], q[4],
                        seen <= RESERVOIR));
            }
            Sensitivity.Table table = stored == null ? Sensitivity.Table.NONE : Sensitivity.analyse(spec, plan, stored);
            return new SweepResult(spec, (int) seen, summaries, bands, table.header(), table.rows());
        }

        private SweepResult.OutputSummary summary(int j) throws IOException {
            OutputSpec o = spec.outputs().get(j);
            long n = count[j];
            double[] pct = new double[PERCENTILES.length];
            java.util.Arrays.fill(pct, Double.NaN);
            if (n > 0) {
                long[] ranks = new long[PERCENTILES.length * 2];
                for (int p = 0; p < PERCENTILES.length; p++) {
                    long[] r = ExactQuantiles.ranksFor(PERCENTILES[p], n);
                    ranks[2 * p] = r[0];
                    ranks[2 * p + 1] = r[1];
                }
                // in memory, a sorted copy gives the order statistics at once (a national sweep has an output per
                // council, and a radix selection's histograms for each cost more than sorting a few thousand values);
                // spilled to disk, the radix selection: a few passes, no sort. Both are exact, so both give the same.
                double[] values = kept == null ? null : kept[j];
                double[] order;
                if (values != null) {
                    double[] sorted = java.util.Arrays.copyOf(values, (int) n);
                    java.util.Arrays.sort(sorted);
                    order = new double[ranks.length];
                    for (int r = 0; r < ranks.length; r++) order[r] = sorted[(int) ranks[r]];
                } else {
                    order = ExactQuantiles.select(ranks, firstDigit[j], sink -> spill.forEach(j, sink));
                }
                for (int p = 0; p < PERCENTILES.length; p++) {
                    pct[p] = ExactQuantiles.interpolate(PERCENTILES[p], n, order[2 * p], order[2 * p + 1]);
                }
            }
            java.util.Map<Integer, Double> byYear = null;
            java.util.Map<Integer, Long> counts = null;
            if (o.isYear()) {
                byYear = new java.util.LinkedHashMap<>();
                counts = new java.util.LinkedHashMap<>();
                long cumulative = 0;
                for (int y = 0; y < yearCounts[j].length; y++) {
                    cumulative += yearCounts[j][y];
                    byYear.put(firstYear + y, seen == 0 ? 0 : (double) cumulative / seen);
                    counts.put(firstYear + y, yearCounts[j][y]);
                }
            }
            double sd = n > 1 ? Math.sqrt(m2[j] / (n - 1)) : n == 1 ? 0 : Double.NaN;
            return new SweepResult.OutputSummary(o.name(), o.isYear(), n, seen - n, n > 0 ? mean[j] : Double.NaN, sd,
                    n > 0 ? min[j] : Double.NaN, pct[0], pct[1], pct[2], pct[3], pct[4], n > 0 ? max[j] : Double.NaN,
                    byYear, counts);
        }

        private static double sorted(double[] sample, double p) {
            if (sample.length == 0) return Double.NaN;
            long[] r = ExactQuantiles.ranksFor(p, sample.length);
            return ExactQuantiles.interpolate(p, sample.length, sample[(int) r[0]], sample[(int) r[1]]);
        }
    }
}
