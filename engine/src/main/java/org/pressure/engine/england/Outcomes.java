package org.pressure.engine.england;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.Problems;
import org.pressure.engine.diagnostics.ScenarioException;

/**
 * What really happened: councils that issued section 114 notices or were granted exceptional
 * financial support, one event a row ({@code event}, {@code authority}, {@code ons_code_2023},
 * {@code date_or_round} or {@code support_year}, and optionally {@code cause}). A row whose code
 * is of a council reorganised since the returns (Cumberland, say) counts for the council it
 * succeeded ({@link Successors}); a row without a code (a council abolished before the returns,
 * a district) is kept apart, unscored.
 */
public final class Outcomes {
    static final List<String> REQUIRED = List.of("event", "authority", "ons_code_2023");

    /**
     * One event.
     *
     * @param code the council it counts for (after reorganisation), or empty
     * @param year the financial year it fell in (2020 for 2020-21)
     * @param cause why, where the file says (empty: not said; read as care demand and funding)
     */
    public record Event(String kind, String authority, String code, String writtenCode, Integer year, String cause,
                        String detail, int line) {
        /** Whether the file names a cause other than demand and funding (equal pay, investment losses, unlawful spending). */
        public boolean otherCause() {
            String c = cause.toLowerCase(Locale.ROOT);
            return !c.isEmpty() && !c.contains("demand") && !c.equals("funding");
        }
    }

    private final String file;
    private final boolean hasCause;
    private final List<Event> events;

    private Outcomes(String file, boolean hasCause, List<Event> events) {
        this.file = file;
        this.hasCause = hasCause;
        this.events = List.copyOf(events);
    }

    public String file() {
        return file;
    }

    /** Whether the file has a {@code cause} column. */
    public boolean hasCause() {
        return hasCause;
    }

    public List<Event> events() {
        return events;
    }

    public static Outcomes read(Path path) {
        CsvTable table = CsvTable.read(path);
        String file = table.file();
        if (table.rows().isEmpty()) throw new ScenarioException(Location.ofFile(file), "is empty; it needs a header with "
                + String.join(", ", REQUIRED));
        CsvTable.Row header = table.rows().get(0);
        Map<String, Integer> at = new HashMap<>();
        for (int c = 0; c < header.cells().size(); c++) at.putIfAbsent(header.cell(c).strip(), c);
        List<String> missing = REQUIRED.stream().filter(c -> !at.containsKey(c)).toList();
        if (!missing.isEmpty() || !at.containsKey("date_or_round") && !at.containsKey("support_year")) {
            throw new ScenarioException(header.at(file, 0), "is not a file of outcomes: its header needs " + String.join(", ",
                    REQUIRED) + " and date_or_round or support_year" + (missing.isEmpty() ? "" : " (missing: "
                    + String.join(", ", missing) + ")"));
        }
        Problems problems = new Problems();
        List<Event> events = new ArrayList<>();
        for (CsvTable.Row row : table.rows().subList(1, table.rows().size())) {
            if (row.cells().stream().allMatch(String::isBlank)) continue;
            String kind = row.cell(at.get("event")).strip();
            String written = row.cell(at.get("ons_code_2023")).strip();
            if (!written.isEmpty() && !written.matches("E\\d{8}")) {
                problems.add(row.at(file, at.get("ons_code_2023")), "`" + written + "` is not an ONS code (E and 8 digits)");
                continue;
            }
            Integer year = year(at.containsKey("support_year") ? row.cell(at.get("support_year")) : "");
            if (year == null && at.containsKey("date_or_round")) year = year(row.cell(at.get("date_or_round")));
            if (year == null) {
                int c = at.containsKey("date_or_round") ? at.get("date_or_round") : at.get("support_year");
                problems.add(row.at(file, c), "cannot tell the financial year of `" + row.cell(c).strip() + "`: write a "
                        + "date as 2020-11-11 or 2020-11, or a year as 2020-21");
                continue;
            }
            events.add(new Event(kind, row.cell(at.get("authority")).strip(), written.isEmpty() ? "" : Successors.predecessor(written),
                    written, year, at.containsKey("cause") ? row.cell(at.get("cause")).strip() : "",
                    at.containsKey("detail") ? row.cell(at.get("detail")).strip() : "", row.line()));
        }
        problems.throwIfAny();
        return new Outcomes(file, at.containsKey("cause"), events);
    }

    private static final Pattern FINANCIAL_YEAR = Pattern.compile("^(\\d{4})-(\\d{2})(?!\\d)");
    private static final Pattern DATE = Pattern.compile("^(\\d{4})-(\\d{2})(-\\d{2})?$");

    /** The financial year a date (2020-11-11, 2018-07) or a year (2020-21) falls in; null if neither. */
    static Integer year(String text) {
        String t = text.strip();
        // 2002-03 is the financial year, not March 2002: a second part one more than the first's last two digits
        Matcher fy = FINANCIAL_YEAR.matcher(t);
        if (fy.find() && (Integer.parseInt(fy.group(1)) + 1) % 100 == Integer.parseInt(fy.group(2))) {
            return Integer.parseInt(fy.group(1));
        }
        Matcher d = DATE.matcher(t);
        if (d.matches()) {
            int y = Integer.parseInt(d.group(1)), m = Integer.parseInt(d.group(2));
            // 2020-21 is also "year 2020, month 21": a month above 12 is the second half of a financial year
            if (m >= 1 && m <= 12) return m >= 4 ? y : y - 1;
        }
        Matcher f = FINANCIAL_YEAR.matcher(t);
        if (f.find() && (Integer.parseInt(f.group(1)) + 1) % 100 == Integer.parseInt(f.group(2))) return Integer.parseInt(f.group(1));
        return null;
    }
}
