package org.pressure.engine.england;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.Problems;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.io.CsvText;

/**
 * Turns a Revenue Account budget return into one scenario file per upper-tier council, each
 * extending one shared file of national assumptions, plus {@value CouncilIndex#FILE} listing
 * them: the folder that {@code pressure nation} runs. Councils that made no return are listed
 * and skipped, never guessed. The folder is written whole or not at all.
 */
public final class EnglandImport {
    /** The file of national assumptions every council extends. */
    public static final String NATIONAL = "national.yaml";
    /** The last year projected (the population projections run to 2043). */
    public static final int DEFAULT_END = 2040;

    /**
     * What to import.
     *
     * @param year the return's financial year, as {@code 2021-22}
     * @param reserves a return with reserve levels, for a return without them (null: none)
     */
    public record Options(Path returns, String year, Path population, String variant, Path reserves, Path out, int end) {}

    /** A council built, or one skipped and why. */
    public record Council(String code, String name, String councilClass, String region, String file, int line) {}

    public record Skipped(String code, String name, int line, String reason) {}

    public record Result(Path out, List<Council> built, List<Skipped> skipped) {}

    private EnglandImport() {}

    public static Result run(Options o) throws IOException {
        int start = startYear(o.year());
        if (o.end() <= start) {
            throw new ScenarioException(Location.ofOption("--end " + o.end()), "the last year must be after the return's year, " + start);
        }
        refuseExisting(o.out());
        RevenueAccount ra = RevenueAccount.read(o.returns());
        String source = o.returns().getFileName().toString();
        Map<String, RevenueAccount.Council> reserveRows = new HashMap<>();
        RevenueAccount.When when;
        String reservesSource;
        if (ra.hasReserves && o.reserves() != null) {
            throw new ScenarioException(Location.ofOption("--reserves " + o.reserves()), "is for a return without reserve "
                    + "levels; " + source + " has its own (lines 1015, 1016, 1021, 1022), which are used");
        }
        if (ra.titleYear != null && !ra.titleYear.equals(o.year())) {
            throw new ScenarioException(Location.ofOption("--year " + o.year()), "the return's title says " + ra.titleYear
                    + " (" + source + " line 1); give --year " + ra.titleYear);
        }
        if (ra.hasReserves) {
            ra.councils.forEach(c -> reserveRows.put(c.code(), c));
            when = RevenueAccount.When.START;
            reservesSource = source;
        } else if (o.reserves() == null) {
            throw new ScenarioException(new Location(ra.file, ra.headerLine, 1), "has no reserve levels (form lines 1015, 1016, "
                    + "1021 and 1022; the 2023-24 return has none): give --reserves with a return that has them, such as "
                    + "RA_2021-22_data_by_LA.csv, whose levels estimated at 31 March 2022 are the latest published "
                    + "before 2023-24");
        } else {
            RevenueAccount other = RevenueAccount.read(o.reserves());
            if (!other.hasReserves) {
                throw new ScenarioException(new Location(other.file, other.headerLine, 1), "--reserves: this return has no "
                        + "reserve levels either (form lines 1015, 1016, 1021, 1022); RA_2021-22_data_by_LA.csv has them");
            }
            other.councils.forEach(c -> reserveRows.put(c.code(), c));
            when = RevenueAccount.When.END;
            reservesSource = o.reserves().getFileName().toString();
        }
        PopulationProjection population = PopulationProjection.read(o.population(), o.variant());
        if (population.lastYear() < o.end()) {
            throw new ScenarioException(Location.ofOption("--end " + o.end()), "the population projections in "
                    + population.file + " run to " + population.lastYear() + "; give --end " + population.lastYear()
                    + " or earlier");
        }
        String populationSource = o.population().getFileName().toString() + ", variant " + o.variant();

        List<Council> built = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (RevenueAccount.NoReturn n : ra.noReturn) {
            skipped.add(new Skipped(n.code(), n.name(), n.fileLine(), "no return: `" + n.text() + "` under form line "
                    + n.firstMissing().line + " on line " + n.fileLine() + " of " + source));
        }
        Problems problems = new Problems();
        Map<String, String> files = new TreeMap<>();
        for (RevenueAccount.Council c : ra.councils) {
            RevenueAccount.Council reserveRow = reserveRows.get(c.code());
            if (reserveRow == null) {
                skipped.add(new Skipped(c.code(), c.name(), c.fileLine(), "no reserve levels for " + c.code() + " in "
                        + reservesSource + " (a council created since, or one that made no return there)"));
                continue;
            }
            TreeMap<Integer, PopulationProjection.Year> pop = population.of(c.code());
            if (pop == null) {
                problems.add(Location.ofFile(population.file), "has no projection (variant " + o.variant() + ") for "
                        + c.code() + " (" + c.name() + ", line " + c.fileLine() + " of " + source + ")");
                continue;
            }
            List<Integer> gaps = new ArrayList<>();
            for (int y = start; y <= o.end(); y++) if (!pop.containsKey(y)) gaps.add(y);
            if (!gaps.isEmpty()) {
                problems.add(Location.ofFile(population.file), "the projection for " + c.code() + " (" + c.name()
                        + ") must have every year from " + start + " to " + o.end() + "; it has no " + gaps.stream()
                        .map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
                continue;
            }
            CouncilScenario.Figures figures = CouncilScenario.figures(c, reserveRow, when);
            String file = c.code() + "-" + slug(c.name()) + ".yaml";
            files.put(file, CouncilScenario.write(c, figures, o.year(), start, source, reserveRow, reservesSource, when, pop,
                    populationSource, NATIONAL, o.end()));
            built.add(new Council(c.code(), c.name(), c.councilClass(), region(c.code()), file, c.fileLine()));
        }
        problems.throwIfAny();
        writeFolder(o.out(), files, built, skipped, o, source);
        return new Result(o.out(), built, skipped);
    }

    /** 2021-22 is the year starting April 2021; its scenario starts in 2021. */
    static int startYear(String year) {
        Matcher m = Pattern.compile("(\\d{4})-(\\d{2})").matcher(year == null ? "" : year.strip());
        if (!m.matches() || (Integer.parseInt(m.group(1)) + 1) % 100 != Integer.parseInt(m.group(2))) {
            throw new ScenarioException(Location.ofOption("--year " + year), "a financial year is written as 2021-22 "
                    + "(the year April 2021 to March 2022)");
        }
        return Integer.parseInt(m.group(1));
    }

    /** The region, where the code tells it: London boroughs are the only E09 councils. Others are left blank. */
    static String region(String code) {
        return code.startsWith("E09") ? "London" : "";
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replace("&", "and").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "council" : s;
    }

    private static void refuseExisting(Path out) throws IOException {
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            boolean emptyDir = Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS);
            if (emptyDir) {
                try (var s = Files.list(out)) {
                    emptyDir = s.findAny().isEmpty();
                }
            }
            if (!emptyDir) {
                throw new ScenarioException(Location.ofOption("--out " + out), "already exists and is not an empty folder: "
                        + "the import writes a new folder whole; choose another --out or move this one away");
            }
        }
    }

    /** Writes every file into a new folder beside {@code out}, then renames it to {@code out}. */
    private static void writeFolder(Path out, Map<String, String> files, List<Council> built, List<Skipped> skipped,
                                    Options o, String source) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + out.getFileName() + ".");
        try {
            Files.writeString(tmp.resolve(NATIONAL), nationalAssumptions(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> e : files.entrySet()) {
                Files.writeString(tmp.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            }
            Files.writeString(tmp.resolve(CouncilIndex.FILE), CouncilIndex.text(built), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("SKIPPED.csv"), skippedText(skipped), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("README.md"), readme(o, source, built.size(), skipped.size()), StandardCharsets.UTF_8);
            tmp.toFile().setReadable(true, false);
            tmp.toFile().setExecutable(true, false);
            if (Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) Files.delete(out);   // empty, checked above
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(tmp)) {
                try (var s = Files.walk(tmp)) {
                    for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The shared file of national assumptions, as shipped. */
    public static String nationalAssumptions() throws IOException {
        try (InputStream in = EnglandImport.class.getResourceAsStream(NATIONAL)) {
            if (in == null) throw new IllegalStateException(NATIONAL + " is missing from the program");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String skippedText(List<Skipped> skipped) {
        StringBuilder s = new StringBuilder("code,name,line,reason\n");
        for (Skipped k : skipped) {
            s.append(CsvText.field(k.code())).append(',').append(CsvText.field(k.name())).append(',').append(k.line())
                    .append(',').append(CsvText.field(k.reason())).append('\n');
        }
        return s.toString();
    }

    private static String readme(Options o, String source, int built, int skipped) {
        return "# Councils built from " + source + "\n\n"
                + "Made by `pressure import ra " + source + " --year " + o.year() + " --population "
                + o.population().getFileName() + (o.reserves() == null ? "" : " --reserves " + o.reserves().getFileName())
                + "`: " + built + " upper-tier councils, " + skipped + " skipped (SKIPPED.csv says why).\n\n"
                + "- `" + NATIONAL + "`: the national assumptions every council extends; change one here to change it "
                + "for all.\n"
                + "- `" + CouncilIndex.FILE + "`: each council's code, name, class, region and file.\n"
                + "- One scenario per council; each figure's comment names the return's line, column and form line.\n\n"
                + "Run them all with `pressure nation " + o.out() + "` from where it was made. See docs/england.md.\n\n"
                + "Contains public sector information licensed under the Open Government Licence v3.0.\n";
    }
}
