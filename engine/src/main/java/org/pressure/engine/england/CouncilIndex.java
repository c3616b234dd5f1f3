package org.pressure.engine.england;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.Problems;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.io.CsvText;

/**
 * The list of councils in a folder made by the import ({@value #FILE}): each council's ONS code,
 * name, class, region and scenario file. An analyst may remove a row to leave a council out, or
 * add one for a scenario written by hand.
 */
public final class CouncilIndex {
    public static final String FILE = "councils-index.csv";
    static final List<String> COLUMNS = List.of("code", "name", "class", "region", "file");

    /** One council of the folder. */
    public record Entry(String code, String name, String councilClass, String region, Path file, Location at) {
        public String classLabel() {
            return RevenueAccount.className(councilClass);
        }
    }

    private CouncilIndex() {}

    static String text(List<EnglandImport.Council> councils) {
        StringBuilder s = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (EnglandImport.Council c : councils) {
            s.append(CsvText.field(c.code())).append(',').append(CsvText.field(c.name())).append(',')
                    .append(CsvText.field(c.councilClass())).append(',').append(CsvText.field(c.region())).append(',')
                    .append(CsvText.field(c.file())).append('\n');
        }
        return s.toString();
    }

    /** Reads a folder's index, checking each row names a council once and a scenario file that exists in the folder. */
    public static List<Entry> read(Path dir) {
        Path index = dir.resolve(FILE);
        if (!Files.isDirectory(dir)) {
            throw new ScenarioException(Location.ofFile(dir.toString()), "is not a folder: `pressure nation` runs a folder "
                    + "made by `pressure import ra`");
        }
        if (!Files.isRegularFile(index)) {
            throw new ScenarioException(Location.ofFile(dir.toString()), "has no " + FILE + ": `pressure nation` runs a "
                    + "folder made by `pressure import ra` (see docs/england.md)");
        }
        CsvTable table = CsvTable.read(index);
        String file = table.file();
        if (table.rows().isEmpty()) throw new ScenarioException(Location.ofFile(file), "is empty; it needs the header " + String.join(",", COLUMNS));
        CsvTable.Row header = table.rows().get(0);
        Map<String, Integer> at = new HashMap<>();
        for (int c = 0; c < header.cells().size(); c++) at.put(header.cell(c).strip(), c);
        List<String> missing = COLUMNS.stream().filter(c -> !at.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new ScenarioException(header.at(file, 0), "no column " + String.join(", ", missing) + " in the header; it "
                    + "needs " + String.join(",", COLUMNS));
        }
        Problems problems = new Problems();
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvTable.Row row : table.rows().subList(1, table.rows().size())) {
            if (row.cells().stream().allMatch(String::isBlank)) continue;
            String code = row.cell(at.get("code")).strip();
            Location where = row.at(file, at.get("code"));
            if (code.isEmpty()) {
                problems.add(where, "a council needs its code");
                continue;
            }
            Integer before = seen.putIfAbsent(code, row.line());
            if (before != null) {
                problems.add(where, "council " + code + " is listed twice, on lines " + before + " and " + row.line());
                continue;
            }
            String name = row.cell(at.get("file")).strip();
            Path scenario = dir.resolve(name).normalize();
            if (name.isEmpty() || !scenario.startsWith(dir.normalize()) || !Files.isRegularFile(scenario)) {
                problems.add(row.at(file, at.get("file")), "council " + code + ": `" + name + "` is not a scenario file in "
                        + dir);
                continue;
            }
            entries.add(new Entry(code, row.cell(at.get("name")).strip(), row.cell(at.get("class")).strip(),
                    row.cell(at.get("region")).strip(), scenario, where));
        }
        problems.throwIfAny();
        if (entries.isEmpty()) throw new ScenarioException(Location.ofFile(file), "lists no council");
        return List.copyOf(entries);
    }
}
