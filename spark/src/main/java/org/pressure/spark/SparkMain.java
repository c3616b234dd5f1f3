package org.pressure.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.Problem;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.diagnostics.Warnings;
import org.pressure.engine.england.NationModel;
import org.pressure.engine.england.NationWriter;
import org.pressure.engine.sweep.SweepResult;
import org.pressure.engine.sweep.SweepTarget;
import org.pressure.engine.sweep.SweepWriter;

/**
 * The entry point of pressure-spark.jar:
 * <pre>
 * spark-submit --class org.pressure.spark.SparkMain pressure-spark.jar sweep SWEEP.yaml --out DIR
 * spark-submit --class org.pressure.spark.SparkMain pressure-spark.jar nation --sweep SWEEP.yaml --out DIR
 * </pre>
 * with the options of {@code pressure sweep} and {@code pressure nation --sweep} that a cluster
 * run has (--runs, --seed), and --partition-runs, --no-parquet, --master. Problems with the
 * input are printed as the command line prints them ({@code file:line:col: message}) and end
 * with exit code 2, before Spark starts.
 */
public final class SparkMain {
    private SparkMain() {}

    static final int OK = 0;
    static final int INTERNAL = 1;
    static final int BAD_INPUT = 2;

    static final String USAGE = """
            Usage: spark-submit --class org.pressure.spark.SparkMain pressure-spark.jar COMMAND ...
              sweep FILE [--out DIR] [--runs N] [--seed S] [--partition-runs N] [--no-parquet] [--master URL]
              nation --sweep FILE [COUNCILS] [--out DIR] [--runs N] [--seed S] [--partition-runs N] [--no-parquet] [--master URL]
            Writes runs.csv, runs.parquet, summary.json (and sensitivity.csv; for nation, councils-probability.csv
            and nation-sweep.json) into DIR, which every executor must see at the same path.""";

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = run(args, out, err, null);
        out.flush();
        err.flush();
        if (code != OK) System.exit(code);
    }

    /** The options of one command line. */
    static final class Options {
        boolean nation;
        Path file;
        Path councils;
        Path out;
        Integer runs;
        Long seed;
        Integer partitionRuns;
        boolean parquet = true;
        String master;
    }

    /** Reads the command line; a problem is a {@link ScenarioException} located at the option. */
    static Options parse(String[] args) {
        if (args.length == 0 || !(args[0].equals("sweep") || args[0].equals("nation"))) {
            throw new ScenarioException(Location.ofOption(args.length == 0 ? "(no command)" : args[0]),
                    "give the command `sweep FILE` or `nation --sweep FILE`");
        }
        Options o = new Options();
        o.nation = args[0].equals("nation");
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--no-parquet" -> o.parquet = false;
                case "--out", "--runs", "--seed", "--partition-runs", "--master", "--sweep" -> {
                    if (i + 1 >= args.length) throw new ScenarioException(Location.ofOption(a), "give a value after it");
                    String v = args[++i];
                    switch (a) {
                        case "--out" -> o.out = Path.of(v);
                        case "--runs" -> o.runs = positive(a, v);
                        case "--seed" -> o.seed = number(a, v);
                        case "--partition-runs" -> o.partitionRuns = positive(a, v);
                        case "--master" -> o.master = v;
                        default -> {
                            if (!o.nation) throw new ScenarioException(Location.ofOption(a), "is an option of `nation`; "
                                    + "`sweep` takes the sweep file itself");
                            o.file = Path.of(v);
                        }
                    }
                }
                default -> {
                    if (a.startsWith("-")) throw new ScenarioException(Location.ofOption(a), "is not an option of `"
                            + args[0] + "`");
                    positional.add(a);
                }
            }
        }
        if (o.nation) {
            if (o.file == null) throw new ScenarioException(Location.ofOption("nation"), "give --sweep FILE");
            if (positional.size() > 1) throw new ScenarioException(Location.ofOption(positional.get(1)), "give one folder of councils");
            o.councils = positional.isEmpty() ? null : Path.of(positional.get(0));
        } else {
            if (positional.size() != 1) {
                throw new ScenarioException(Location.ofOption(positional.isEmpty() ? "sweep" : positional.get(1)),
                        "give one sweep file");
            }
            o.file = Path.of(positional.get(0));
        }
        if (o.out == null) {
            String name = o.file.getFileName().toString();
            o.out = Path.of("out", name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name);
        }
        if (Files.exists(o.out) && !Files.isDirectory(o.out, LinkOption.NOFOLLOW_LINKS)) {
            throw new ScenarioException(Location.ofOption("--out " + o.out), "is a file or a link, not a folder; choose "
                    + "another --out folder");
        }
        return o;
    }

    private static long number(String option, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ScenarioException(Location.ofOption(option + " " + v), "give a whole number");
        }
    }

    private static int positive(String option, String v) {
        long n = number(option, v);
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new ScenarioException(Location.ofOption(option + " " + v), "give from 1 to " + Integer.MAX_VALUE);
        }
        return (int) n;
    }

    /**
     * Runs one command line; returns the exit code. With {@code session} null, a session is made
     * (and stopped at the end) from spark-submit's settings, or --master, or local[*].
     */
    static int run(String[] args, PrintWriter out, PrintWriter err, SparkSession session) {
        try {
            Options o = parse(args);
            // the sweep is read and compiled here first, so a problem in it is told before Spark starts
            Job job = new Job(o.nation, o.file.toAbsolutePath().normalize().toString(),
                    o.councils == null ? null : o.councils.toAbsolutePath().normalize().toString(), o.runs, o.seed);
            Warnings warnings = Warnings.collect();
            SweepTarget target = job.load(warnings);
            for (Problem w : warnings.all()) err.println(w);
            SparkSession spark = session != null ? session : start(o, target);
            try {
                return sweep(spark, job, target, o, out);
            } finally {
                if (session == null) spark.stop();
            }
        } catch (ScenarioException e) {
            for (Problem p : e.problems()) err.println(p);
            err.flush();
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("pressure-spark: " + e);
            err.flush();
            return INTERNAL;
        } catch (Exception e) {
            // a run that the scenario refuses fails its task on every attempt; Spark then ends the
            // job with its own (checked, from Scala) exception, which carries the engine's message
            // as text
            String refused = refusal(e);
            if (refused == null) {
                if (e instanceof RuntimeException re) throw re;
                throw new IllegalStateException(e);
            }
            err.println(refused);
            err.flush();
            return BAD_INPUT;
        }
    }

    /** The engine's message for a run refused in a task, from Spark's exception, or null if it is not one. */
    static String refusal(Throwable e) {
        String marker = ScenarioException.class.getName() + ": ";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ScenarioException se) {
                return String.join(System.lineSeparator(), se.problems().stream().map(Problem::toString).toList());
            }
            String m = t.getMessage();
            int at = m == null ? -1 : m.indexOf(marker);
            if (at >= 0) {
                String rest = m.substring(at + marker.length());
                int end = rest.indexOf('\n');
                return (end < 0 ? rest : rest.substring(0, end)).strip();
            }
        }
        return null;
    }

    private static SparkSession start(Options o, SweepTarget target) {
        SparkSession.Builder b = SparkSession.builder().appName("pressure " + target.spec().name());
        if (o.master != null) {
            b.master(o.master);
        } else if (System.getProperty("spark.master") == null) {
            // started with plain java rather than spark-submit: run on this machine's cores
            b.master("local[*]");
        }
        return b.getOrCreate();
    }

    private static int sweep(SparkSession spark, Job job, SweepTarget target, Options o, PrintWriter out) throws IOException {
        SparkSweep sweep = new SparkSweep(spark, job, target);
        int partitionRuns = o.partitionRuns != null ? o.partitionRuns : sweep.defaultPartitionRuns();
        int partitions = (int) ((sweep.runs() + (long) partitionRuns - 1) / partitionRuns);
        out.println(target.spec().name());
        out.printf(Locale.ROOT, "  %s design, %,d runs in %,d partition%s of up to %,d, seed %d, on %s%n",
                target.spec().design().key, sweep.runs(), partitions, partitions == 1 ? "" : "s", partitionRuns,
                target.spec().seed(),
                spark.sparkContext().master());
        out.flush();
        long start = System.nanoTime();
        SweepResult result = sweep.run(o.out, partitionRuns, o.parquet);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> written = new ArrayList<>(List.of("runs.csv"));
        if (o.parquet) written.add(SparkSweep.PARQUET);
        SweepWriter.writeSummary(result, o.out.resolve("summary.json"));
        written.add("summary.json");
        if (SweepWriter.writeSensitivity(result, o.out.resolve("sensitivity.csv"))) written.add("sensitivity.csv");
        if (target instanceof NationModel nation) {
            NationWriter.writeText(NationWriter.probabilityCsv(nation, result), o.out.resolve("councils-probability.csv"));
            written.add("councils-probability.csv");
            NationWriter.writeJson(NationWriter.sweep(nation, result), o.out.resolve("nation-sweep.json"));
            written.add("nation-sweep.json");
        }
        double rate = result.runs() / seconds;
        out.printf(Locale.ROOT, "  %,d runs in %.1f s (%s runs/s): %.1f s on the executors, %.1f s taking the "
                + "partitions in order on the driver%n", result.runs(), seconds,
                String.format(Locale.ROOT, rate >= 100 ? "%,.0f" : "%.2f", rate), sweep.jobSeconds(), sweep.driverSeconds());
        out.println("Wrote " + written.size() + " files to " + o.out + ": " + String.join(", ", written));
        out.flush();
        return OK;
    }
}
