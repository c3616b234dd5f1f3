package org.pressure.engine.council;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.Problems;
import org.pressure.engine.diagnostics.Suggest;
import org.pressure.engine.scenario.Numbers;
import org.pressure.engine.scenario.TreeReader;

/** Reads one column of a CSV file with a {@code year} column, for {@code {csv: FILE, column: COL}} series. */
final class CsvSeriesReader {
    private static final CsvMapper MAPPER = new CsvMapper();

    private CsvSeriesReader() {}

    /** The header's names for a message, cut short: the file may not be a CSV at all. */
    private static String shown(List<String> names) {
        String all = String.join(", ", names);
        return all.length() <= 200 ? all : all.substring(0, 200) + "...";
    }

    static Map<Integer, Double> read(Path file, String column) throws IOException {
        String text = TreeReader.readText(file);
        String name = file.toString();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        Problems problems = new Problems();
        Map<Integer, Double> out = new LinkedHashMap<>();
        // the header, checked before any row: a year column, the column asked for, no name twice
        String header = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        List<String> names = new ArrayList<>();
        for (String h : header.split(",", -1)) names.add(h.strip().replaceAll("^\"|\"$", ""));
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String h : names) {
            if (!h.isEmpty() && !seen.add(h)) problems.add(new Location(name, 1, 1), "column `" + h + "` appears twice in the header");
        }
        if (!names.contains("year")) {
            problems.add(new Location(name, 1, 1), "a series CSV needs a `year` column; the header has " + shown(names));
        } else if (!names.contains(column)) {
            problems.add(new Location(name, 1, 1), "no column `" + column + "`" + Suggest.didYouMean(column, names)
                    + "; the header has " + shown(names));
        }
        problems.throwIfAny();
        try (MappingIterator<Map<String, String>> rows = MAPPER.readerFor(Map.class)
                .with(schema).with(CsvParser.Feature.TRIM_SPACES).with(CsvParser.Feature.SKIP_EMPTY_LINES)
                .readValues(text)) {
            int line = 1;
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                line++;
                Location at = new Location(name, line, 1);
                String y = row.get("year");
                String v = row.get(column);
                if ((y == null || y.isBlank()) && (v == null || v.isBlank())) continue;
                Integer year;
                try {
                    year = Integer.valueOf(y.strip());
                } catch (NumberFormatException | NullPointerException e) {
                    problems.add(at, "`" + y + "` in column `year` is not a year");
                    continue;
                }
                Double value = v == null ? null : Numbers.parse(v);
                if (value == null) {
                    problems.add(at, "column `" + column + "`, year " + year + ": " + Numbers.badNumber(String.valueOf(v)));
                    continue;
                }
                if (out.put(year, value) != null) problems.add(at, "year " + year + " appears twice");
            }
        } catch (RuntimeException | IOException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            Location at = new Location(name, 1, 1);
            String message = cause.getMessage() == null ? cause.toString() : cause.getMessage().lines().findFirst().orElse("");
            if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
                at = new Location(name, Math.max(1, j.getLocation().getLineNr()), Math.max(1, j.getLocation().getColumnNr()));
                message = j.getOriginalMessage();
            }
            problems.add(at, "cannot be read as CSV: " + message);
        }
        problems.throwIfAny();
        return out;
    }
}
