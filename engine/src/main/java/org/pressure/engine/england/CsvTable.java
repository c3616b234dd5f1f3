package org.pressure.engine.england;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.scenario.TreeReader;

/**
 * A published CSV file read whole, every row with the line of the file it starts on, so that a
 * figure taken from it can be cited (and a problem in it pointed at) by line. Quoted fields
 * may hold commas and line breaks, as the government's returns do in their headers.
 */
record CsvTable(String file, List<Row> rows) {
    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    /** One row: its cells, and the 1-based line of the file where it starts. */
    record Row(int line, List<String> cells) {
        String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }

        Location at(String file, int column) {
            return new Location(file, line, column + 1);
        }
    }

    static CsvTable read(Path path) {
        String name = path.toString();
        String text = TreeReader.readText(path);
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = MAPPER.readerForListOf(String.class).readValues(text)) {
            while (true) {
                // the line a row starts on is where the parser stands before reading it, plus one
                // when it stands at the end of the line before
                JsonLocation before = it.getParser().currentLocation();
                if (!it.hasNextValue()) break;
                int line = Math.max(1, before.getLineNr());
                List<String> cells = it.nextValue();
                rows.add(new Row(rows.isEmpty() ? 1 : line, cells));
            }
        } catch (IOException | RuntimeException e) {
            throw new ScenarioException(Location.ofFile(name), "cannot be read as CSV: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        return new CsvTable(name, List.copyOf(rows));
    }
}
