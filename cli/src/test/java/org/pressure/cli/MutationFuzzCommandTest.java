package org.pressure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mutation fuzzer: seeded random damage to the shipped scenarios (deleted and stray
 * characters, values of the wrong type and extreme numbers, duplicated, missing and re-indented
 * lines, cut files), run through {@code validate} and {@code run} as a user would. Every mutant
 * is accepted or refused as bad input (never exit 1), every refusal names the file with a line
 * and column, and {@code validate} and {@code run} agree. 300 mutants in every build;
 * {@code mvn -P fuzz verify} runs 5,000 (or set {@code -Dpressure.fuzz.mutants=N}, and
 * {@code -Dpressure.fuzz.first=S} for seeds from S).
 */
class MutationFuzzCommandTest {
    @TempDir
    static Path dir;

    private static final List<String> SWEEPS = List.of("barnet-sensitivity-sweep.yaml", "barnet-uncertainty-sweep.yaml",
            "unitary-council-throughput-sweep.yaml");
    private static final List<String> SCENARIOS = List.of("barnet-graph-of-doom.yaml", "barnet-prevention-investment.yaml",
            "england-lga-2013.yaml", "northamptonshire-style-reserves.yaml", "unitary-council-five-services.yaml",
            "county-schools-deficit-override.yaml", "smd-upper-tier-area.yaml", "smd-housing-support-cut.yaml",
            "smd-housing-support-invest.yaml");

    private static final String[] WRONG_VALUES = {"[1, 2]", "{a: 1}", "true", "null", "\"=\"", "\"=1/0\"", "-1e308",
        "1e308", "\"=previous(\"", "9999999999", "2147483000", "\"2%%\"", "''", "\"=year ^ 1000\"", "*nope", "&a 1", "[",
        "}", ".nan", ".inf", "-0", "0", "1e-320", "\"=1 +\"", "\"a\\0b\"", "\"../../etc/passwd\"", "/dev/zero", "2025/26",
        "170,000", "=max(0, a)", "\"=if(year > 2030, 1/0, 1)\"", "\"=ln(0)\"", "\"=sqrt(-1)\"", "{csv: x.csv, column: y}",
        "{values: {2025: 1, 2025: 2}}", "{start: 1, growth: 5}", "\"\\u202e\"", "\"" + "x".repeat(300) + "\""};

    static LongStream seeds() {
        long first = Long.getLong("pressure.fuzz.first", 1);
        return LongStream.range(first, first + Long.getLong("pressure.fuzz.mutants", 300));
    }

    private static final Pattern LOCATED = Pattern.compile("^(.+):(\\d+):(\\d+): .+");

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mutants_are_accepted_or_refused_with_a_place_and_validate_agrees_with_run(long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        Path folder = dir.resolve("m" + seed);
        Files.createDirectories(folder);
        for (String s : SCENARIOS) Files.copy(Path.of("..", "scenarios", s), folder.resolve(s));
        for (String s : SWEEPS) Files.copy(Path.of("..", "scenarios", s), folder.resolve(s));
        if (rnd.nextInt(5) == 0) {
            sweepMutant(folder, SWEEPS.get(rnd.nextInt(SWEEPS.size())), rnd, seed);
            return;
        }
        String name = SCENARIOS.get(rnd.nextInt(SCENARIOS.size()));
        // a variant is damaged as often as its base: the base is read through extends
        Path file = folder.resolve(name);
        String text = mutate(Files.readString(file), rnd);
        Files.writeString(file, text);
        String variant = name.equals("barnet-graph-of-doom.yaml") && rnd.nextBoolean() ? "northamptonshire-style-reserves.yaml"
                : name.equals("smd-upper-tier-area.yaml") && rnd.nextBoolean() ? "smd-housing-support-cut.yaml" : name;
        Path given = folder.resolve(variant);

        CommandLineTest.Result validate = CommandLineTest.execute("validate", given.toString());
        CommandLineTest.Result run = CommandLineTest.execute("run", given.toString(), "--out",
                folder.resolve("out").toString(), "--no-chart");
        String context = "seed " + seed + " (" + name + "):\n" + text + "\nvalidate: " + validate.err() + "\nrun: " + run.err();
        assertTrue(validate.exit() == 0 || validate.exit() == 2, "validate exit " + validate.exit() + ", " + context);
        assertTrue(run.exit() == 0 || run.exit() == 2, "run exit " + run.exit() + ", " + context);
        assertEquals(validate.exit(), run.exit(), "validate and run disagree, " + context);
        if (run.exit() == 2) {
            assertEquals(validate.err(), run.err(), "the same problems, " + context);
            for (String line : run.err().lines().toList()) {
                var m = LOCATED.matcher(line);
                assertTrue(m.matches() && Integer.parseInt(m.group(2)) > 0, "not located: " + line + "\n" + context);
                assertTrue(m.group(1).startsWith(folder.toString()), "names a file: " + line);
            }
        }
    }

    /**
     * A damaged sweep file (or the scenario it sweeps, damaged), run with 16 runs: accepted or
     * refused with a place. (validate probes a few runs, not all, so it may pass a sweep whose
     * run 11 is refused.)
     */
    private void sweepMutant(Path folder, String name, SplittableRandom rnd, long seed) throws IOException {
        Path sweep = folder.resolve(name);
        Path damaged = rnd.nextBoolean() ? sweep : folder.resolve(Files.readString(sweep)
                .lines().filter(l -> l.startsWith("scenario:")).findFirst().orElseThrow().substring(9).strip());
        String text = mutate(Files.readString(damaged), rnd);
        Files.writeString(damaged, text);
        CommandLineTest.Result validate = CommandLineTest.execute("validate", sweep.toString());
        CommandLineTest.Result run = CommandLineTest.execute("sweep", sweep.toString(), "--runs", "16", "--threads", "1",
                "--no-chart", "--out", folder.resolve("sweep-out").toString());
        String context = "seed " + seed + " (" + damaged.getFileName() + "):\n" + text + "\nvalidate: " + validate.err()
                + "\nsweep: " + run.err();
        for (CommandLineTest.Result r : List.of(validate, run)) {
            assertTrue(r.exit() == 0 || r.exit() == 2, "exit " + r.exit() + ", " + context);
            if (r.exit() != 2) continue;
            for (String line : r.err().lines().toList()) {
                if (line.startsWith("--runs 16: ")) continue; // the option, not the file
                var m = LOCATED.matcher(line);
                assertTrue(m.matches() && Integer.parseInt(m.group(2)) > 0, "not located: " + line + "\n" + context);
            }
        }
        if (validate.exit() == 2) assertEquals(2, run.exit(), "validate refused what sweep ran, " + context);
    }

    static String mutate(String yaml, SplittableRandom rnd) {
        List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
        int edits = 1 + rnd.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int i = rnd.nextInt(lines.size());
            String line = lines.get(i);
            switch (rnd.nextInt(8)) {
                case 0 -> { // delete a few characters
                    if (line.isEmpty()) break;
                    int a = rnd.nextInt(line.length()), b = Math.min(line.length(), a + 1 + rnd.nextInt(4));
                    lines.set(i, line.substring(0, a) + line.substring(b));
                }
                case 1, 2 -> { // a value of the wrong type, or an extreme one
                    int colon = line.lastIndexOf(": ");
                    if (colon > 0) lines.set(i, line.substring(0, colon + 2) + WRONG_VALUES[rnd.nextInt(WRONG_VALUES.length)]);
                }
                case 3 -> lines.add(i, line); // a duplicated line (often a duplicate key)
                case 4 -> { // stray characters
                    char c = "\t\"'{}[],:&*!|>%@`#\\\u00a0\u0000".charAt(rnd.nextInt(21));
                    int at = line.isEmpty() ? 0 : rnd.nextInt(line.length());
                    lines.set(i, line.substring(0, at) + c + line.substring(at));
                }
                case 5 -> lines.set(i, " ".repeat(rnd.nextInt(4)) + line.stripLeading()); // re-indented
                case 6 -> { // a number changed by orders of magnitude
                    lines.set(i, line.replaceFirst("(?<![\\w.])(\\d+(\\.\\d+)?)(?![\\w.])", "$1" + "0".repeat(1 + rnd.nextInt(9))));
                }
                default -> { // a missing line, or the file cut short
                    if (rnd.nextInt(4) == 0) {
                        while (lines.size() > i + 1) lines.remove(lines.size() - 1);
                    } else {
                        lines.remove(i);
                    }
                }
            }
            if (lines.isEmpty()) lines.add("");
        }
        return String.join("\n", lines);
    }
}
