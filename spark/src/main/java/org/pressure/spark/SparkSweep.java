package org.pressure.spark;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.pressure.engine.sweep.OutputSpec;
import org.pressure.engine.sweep.SweepResult;
import org.pressure.engine.sweep.SweepRunner;
import org.pressure.engine.sweep.SweepSpec;
import org.pressure.engine.sweep.SweepTarget;

/**
 * A sweep on Spark, from the driver. The runs are cut into ranges, one Spark partition each;
 * executors compute them on the generated code and write each partition's rows (a CSV part, and
 * the Parquet dataset {@code runs.parquet}) and its outputs; then the driver streams the parts
 * back, partition by partition, into the engine's {@link SweepRunner#collect}, which appends the
 * rows to runs.csv and feeds the summaries in run order, as the local runner does. So runs.csv
 * and summary.json are the local runner's, byte for byte; the driver holds one run at a time
 * (plus what the summaries keep, as locally: the sensitivity designs keep every output).
 */
public final class SparkSweep {
    /** Parquet dataset of the rows, beside runs.csv. */
    public static final String PARQUET = "runs.parquet";
    /** A Spark setting naming a partition whose first attempt fails half-way: a drill of retries. */
    public static final String FAIL_ONCE = "spark.pressure.failOnce";
    /** Fewest runs in a partition: below this, starting tasks costs more than running them. */
    static final int MIN_PARTITION_RUNS = 1_024;
    /**
     * Fewest national runs in a partition: a national run is every council (about 150 of them),
     * so a few already outweigh a task's start, and the usual 1,000-run national sweep must still
     * spread over the cluster.
     */
    static final int MIN_NATION_PARTITION_RUNS = 8;
    /** Most runs in a partition by default, so that one retried task redoes minutes, not hours. */
    static final int MAX_PARTITION_RUNS = 1_000_000;

    private final SparkSession spark;
    private final Job job;
    private final SweepTarget target;
    private final SweepRunner runner;

    SparkSweep(SparkSession spark, Job job, SweepTarget target) {
        this.spark = spark;
        this.job = job;
        this.target = target;
        this.runner = new SweepRunner(target, 1, null);
    }

    public int runs() {
        return runner.runs();
    }

    /**
     * Runs per partition when none is given: about four partitions per core of the cluster, so
     * that a slow or retried task is a small part of the whole, within the bounds above.
     */
    int defaultPartitionRuns() {
        int cores = Math.max(1, spark.sparkContext().defaultParallelism());
        long each = -Math.floorDiv(-(long) runs(), 4L * cores);
        int least = job.nation() ? MIN_NATION_PARTITION_RUNS : MIN_PARTITION_RUNS;
        return (int) Math.max(least, Math.min(MAX_PARTITION_RUNS, each));
    }

    /** The columns of runs.csv, as Parquet columns: run, each parameter, each output (doubles; null where runs.csv is empty). */
    static StructType schema(SweepSpec spec) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("run", DataTypes.IntegerType, false));
        for (String p : spec.parameterPaths()) fields.add(DataTypes.createStructField(p, DataTypes.DoubleType, true));
        for (OutputSpec o : spec.outputs()) fields.add(DataTypes.createStructField(o.name(), DataTypes.DoubleType, true));
        return DataTypes.createStructType(fields);
    }

    /**
     * Runs the sweep into {@code dir}: runs.csv, runs.parquet (unless {@code parquet} is false),
     * and returns the summaries for the caller to write. The folder is locked and checked as the
     * local runner locks and checks it, before any task starts.
     */
    public SweepResult run(Path dir, int partitionRuns, boolean parquet) throws IOException {
        int runs = runs();
        int partitions = (int) ((runs + (long) partitionRuns - 1) / partitionRuns);
        int outputs = target.spec().outputs().size();
        Path abs = dir.toAbsolutePath().normalize();
        Path parts = abs.resolve(Parts.FOLDER);
        int failOnce = Integer.parseInt(spark.conf().get(FAIL_ONCE, "-1"));
        long start = System.nanoTime();
        return runner.collect(abs, (rows, sink) -> {
            // parts of an earlier sweep killed in this folder are not this sweep's
            deleteTree(parts);
            Files.createDirectories(parts);
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            List<Integer> ids = IntStream.range(0, partitions).boxed().toList();
            JavaRDD<Row> computed = jsc.parallelize(ids, partitions)
                    .mapPartitions(new PartitionTask(job, parts.toString(), partitionRuns, runs, failOnce, parquet), false);
            jsc.setJobDescription(target.spec().name() + ": " + runs + " runs in " + partitions + " partitions");
            if (parquet) {
                // written beside, then put in place once the job has succeeded: a job that fails
                // for good leaves an earlier runs.parquet as it was, like runs.csv
                Path writing = abs.resolve("." + PARQUET + ".writing");
                spark.createDataFrame(computed, schema(target.spec())).write().mode(SaveMode.Overwrite)
                        .parquet(writing.toUri().toString());
                deleteTree(abs.resolve(PARQUET));
                Files.move(writing, abs.resolve(PARQUET), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } else {
                computed.foreachPartition(it -> {
                    while (it.hasNext()) it.next();
                });
            }
            long taken = System.nanoTime();
            jobSeconds = (taken - start) / 1e9;
            // the job succeeded, so every partition was renamed into place; streamed back in run order
            for (int p = 0; p < partitions; p++) {
                int from = (int) Math.min(runs, (long) p * partitionRuns);
                int to = (int) Math.min(runs, (long) from + partitionRuns);
                Path csv = Parts.csv(parts, p);
                try (FileChannel in = FileChannel.open(csv, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                    long size = in.size(), done = 0;
                    while (done < size) done += in.transferTo(done, size - done, rows);
                }
                Parts.read(Parts.bin(parts, p), from, to, outputs, sink);
                // each part goes once it is taken, so the folder holds at most the parts plus runs.csv, not both whole
                Files.delete(csv);
                Files.delete(Parts.bin(parts, p));
            }
            deleteTree(parts);
            driverSeconds = (System.nanoTime() - taken) / 1e9;
        });
    }

    private double jobSeconds;
    private double driverSeconds;

    /** Seconds the last {@link #run} spent in the Spark job (computing and writing the partitions). */
    double jobSeconds() {
        return jobSeconds;
    }

    /** Seconds the last {@link #run} spent on the driver taking the partitions in order (summaries finished after). */
    double driverSeconds() {
        return driverSeconds;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(dir);
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
