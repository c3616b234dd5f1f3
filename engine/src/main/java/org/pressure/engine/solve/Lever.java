package org.pressure.engine.solve;

import java.util.List;
import java.util.Locale;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.scenario.Numbers;

/**
 * One value a goal seek may move: a scenario path (as {@code --set} takes it) and its range,
 * written {@code PATH=LOW..HIGH}, e.g. {@code income.council_tax.growth=0%..5%}.
 *
 * @param percent whether the range was written as percentages (values are then shown as percentages)
 */
public record Lever(String text, String path, double low, double high, boolean percent) {

    public Lever {
        if (!(low < high)) throw new IllegalArgumentException("low must be below high");
    }

    /** The path split at its dots, as overrides take it. */
    public List<String> segments() {
        return List.of(path.split("\\.", -1));
    }

    /** Where problems with this lever are reported. */
    public Location location() {
        return Location.ofOption("--vary " + text);
    }

    /** Reads {@code PATH=LOW..HIGH}; numbers as in a scenario file (2.5, 4.99%). */
    public static Lever parse(String text) {
        Location at = Location.ofOption("--vary " + text);
        int eq = text.indexOf('=');
        int dots = text.indexOf("..", Math.max(eq, 0));
        if (eq <= 0 || dots < 0) {
            throw new ScenarioException(at, "write a lever as PATH=LOW..HIGH, e.g. income.council_tax.growth=0%..5%");
        }
        String path = text.substring(0, eq).strip();
        if (List.of(path.split("\\.", -1)).stream().anyMatch(String::isBlank)) {
            throw new ScenarioException(at, "`" + path + "` is not a path; write keys separated by dots, as --set takes "
                    + "them, e.g. drivers.cpi or failure_demand.0.clients_per_m");
        }
        String lowText = text.substring(eq + 1, dots).strip(), highText = text.substring(dots + 2).strip();
        Double low = Numbers.parse(lowText), high = Numbers.parse(highText);
        if (low == null) throw new ScenarioException(at, "LOW: " + Numbers.badNumber(lowText));
        if (high == null) throw new ScenarioException(at, "HIGH: " + Numbers.badNumber(highText));
        if (!(low < high)) {
            throw new ScenarioException(at, "LOW (" + lowText + ") must be below HIGH (" + highText + "); write the range "
                    + "from its low end, e.g. " + path + "=" + highText + ".." + lowText);
        }
        return new Lever(text, path, low, high, lowText.endsWith("%") || highText.endsWith("%"));
    }

    /** A value of this lever for people: as a percentage if the range was, with enough digits for {@code tolerance}. */
    public String show(double x, double tolerance) {
        double scale = percent ? 100 : 1;
        int digits = tolerance > 0 ? (int) Math.max(0, Math.min(12, Math.ceil(-Math.log10(tolerance * scale)))) : 6;
        return String.format(Locale.ROOT, "%." + digits + "f", x * scale) + (percent ? "%" : "");
    }

    /**
     * An answer as people read it: four significant figures, or fewer where the tolerance says
     * the later ones are not known, trailing zeros dropped (1.8%, 804.6), rounded by {@code mode}
     * (up for a smallest value meeting the targets, so the printed value meets them too).
     */
    public String brief(double x, double tolerance, java.math.RoundingMode mode) {
        double scale = percent ? 100 : 1;
        double v = x * scale;
        int byTolerance = tolerance > 0 ? (int) Math.ceil(-Math.log10(tolerance * scale)) : 6;
        int byFigures = v == 0 ? byTolerance : 3 - (int) Math.floor(Math.log10(Math.abs(v)));
        int digits = Math.max(0, Math.min(12, Math.min(byTolerance, byFigures)));
        java.math.BigDecimal d = new java.math.BigDecimal(v).setScale(digits, mode);
        String text = d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        return text + (percent ? "%" : "");
    }

    /** An end of the range as it was written, give or take trailing zeros: 0% to 10%, 0 to 2000. */
    public String end(double x) {
        return brief(x, (high - low) / 1e6, java.math.RoundingMode.HALF_EVEN);
    }

    /** A value with the precision of the range: for ends, scans and charts. */
    public String show(double x) {
        return show(x, (high - low) / 1e4);
    }
}
