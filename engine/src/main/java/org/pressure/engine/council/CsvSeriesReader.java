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
import org.pressure.engine.scenario.Location;
import org.pressure.engine.scenario.Numbers;
import org.pressure.engine.scenario.Problems;
import org.pressure.engine.scenario.Suggest;
import org.pressure.engine.scenario.TreeReader;

/** Reads one column of a CSV file with a {@code year} column, for {@code {csv: FILE, column: COL}} series. */
final class CsvSeriesReader {
    private static final CsvMapper MAPPER = new CsvMapper();

    private CsvSeriesReader() {}

    static Map<Integer, Double> read(Path file, String column) throws IOException {
        String text = TreeReader.readText(file);
        String name = file.toString();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        Problems problems = new Problems();
        Map<Integer, Double> out = new LinkedHashMap<>();
        try (MappingIterator<Map<String, String>> rows = MAPPER.readerFor(Map.class)
                .with(schema).with(CsvParser.Feature.TRIM_SPACES).readValues(text)) {
            int line = 1;
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                line++;
                if (line == 2) {
                    List<String> header = new ArrayList<>(row.keySet());
                    if (!header.contains("year")) {
                        problems.add(new Location(name, 1, 1), "a series CSV needs a `year` column; the header has "
                                + String.join(", ", header));
                        break;
                    }
                    if (!header.contains(column)) {
                        problems.add(new Location(name, 1, 1), "no column `" + column + "`" + Suggest.didYouMean(column, header)
                                + "; the header has " + String.join(", ", header));
                        break;
                    }
                }
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
        } catch (RuntimeException e) {
            problems.add(Location.ofFile(name), "cannot be read as CSV: " + e.getMessage());
        }
        problems.throwIfAny();
        return out;
    }
}
