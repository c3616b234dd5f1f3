package org.pressure.engine.england;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.Problems;
import org.pressure.engine.diagnostics.ScenarioException;

/**
 * Population projections by upper-tier council and age band (ONS 2018-based subnational
 * projections summed into 0-17, 18-64, 65+ and 85+): the file's columns {@code area_code},
 * {@code variant}, {@code year}, {@code pop_0_17}, {@code pop_18_64}, {@code pop_65_plus},
 * {@code pop_85_plus}. Only one variant is read (the principal projection, {@code v1}, unless
 * another is asked for). A council whose area was reorganised after the projection's boundaries
 * were drawn is found through {@link Successors}: the same area under its new codes, summed.
 */
final class PopulationProjection {
    static final String PRINCIPAL = "v1";
    static final List<String> COLUMNS = List.of("area_code", "variant", "year", "pop_0_17", "pop_18_64", "pop_65_plus",
            "pop_85_plus");

    /** One year of a council's projection, with the lines of the file it was read from. */
    record Year(int year, double age0to17, double age18to64, double age65plus, double age85plus, List<Integer> lines) {
        Year plus(Year o) {
            List<Integer> both = new ArrayList<>(lines);
            both.addAll(o.lines);
            return new Year(year, age0to17 + o.age0to17, age18to64 + o.age18to64, age65plus + o.age65plus,
                    age85plus + o.age85plus, both);
        }
    }

    final String file;
    final String variant;
    private final Map<String, TreeMap<Integer, Year>> byCode;

    private PopulationProjection(String file, String variant, Map<String, TreeMap<Integer, Year>> byCode) {
        this.file = file;
        this.variant = variant;
        this.byCode = byCode;
    }

    static PopulationProjection read(Path path, String variant) {
        CsvTable table = CsvTable.read(path);
        String file = table.file();
        if (table.rows().isEmpty()) throw new ScenarioException(Location.ofFile(file), "is empty: a population projection needs a header and rows");
        CsvTable.Row header = table.rows().get(0);
        Map<String, Integer> at = new HashMap<>();
        for (int c = 0; c < header.cells().size(); c++) at.put(header.cell(c).strip(), c);
        List<String> missing = COLUMNS.stream().filter(c -> !at.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new ScenarioException(header.at(file, 0), "is not a population projection by age band: no column "
                    + String.join(", ", missing.stream().map(m -> "`" + m + "`").toList()) + " in its header (it needs "
                    + String.join(", ", COLUMNS) + ")");
        }
        Problems problems = new Problems();
        Map<String, TreeMap<Integer, Year>> byCode = new HashMap<>();
        for (CsvTable.Row row : table.rows().subList(1, table.rows().size())) {
            if (!row.cell(at.get("variant")).strip().equals(variant)) continue;
            String code = row.cell(at.get("area_code")).strip();
            double[] v = new double[5];
            String[] names = {"year", "pop_0_17", "pop_18_64", "pop_65_plus", "pop_85_plus"};
            boolean ok = true;
            for (int i = 0; i < names.length; i++) {
                int c = at.get(names[i]);
                try {
                    v[i] = Double.parseDouble(row.cell(c).strip());
                    if (!Double.isFinite(v[i]) || v[i] < 0) throw new NumberFormatException();
                } catch (NumberFormatException e) {
                    problems.add(row.at(file, c), "`" + row.cell(c) + "` in column `" + names[i] + "` is not a count of people");
                    ok = false;
                }
            }
            if (!ok) continue;
            if (v[0] != Math.rint(v[0])) {
                problems.add(row.at(file, at.get("year")), "`" + row.cell(at.get("year")) + "` in column `year` is not a year");
                continue;
            }
            Year y = new Year((int) v[0], v[1], v[2], v[3], v[4], List.of(row.line()));
            if (byCode.computeIfAbsent(code, k -> new TreeMap<>()).put(y.year(), y) != null) {
                problems.add(row.at(file, at.get("year")), "area " + code + " has year " + y.year() + " twice in variant " + variant);
            }
        }
        problems.throwIfAny();
        if (byCode.isEmpty()) {
            throw new ScenarioException(Location.ofFile(file), "has no rows of variant `" + variant + "`"
                    + (variant.equals(PRINCIPAL) ? "" : " (the principal projection is `" + PRINCIPAL + "`)"));
        }
        return new PopulationProjection(file, variant, byCode);
    }

    /** The last year every area of the file is projected to. */
    int lastYear() {
        return byCode.values().stream().mapToInt(TreeMap::lastKey).min().orElse(0);
    }

    /**
     * A council's projection, by year; for a council reorganised since, its successors' summed;
     * null when the file has neither.
     */
    TreeMap<Integer, Year> of(String code) {
        TreeMap<Integer, Year> own = byCode.get(code);
        if (own != null) return own;
        List<String> successors = Successors.of(code);
        if (successors.isEmpty() || !successors.stream().allMatch(byCode::containsKey)) return null;
        TreeMap<Integer, Year> sum = new TreeMap<>();
        for (String s : successors) {
            for (Year y : byCode.get(s).values()) sum.merge(y.year(), y, Year::plus);
        }
        return sum;
    }
}
