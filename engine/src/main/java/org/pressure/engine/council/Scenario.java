package org.pressure.engine.council;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pressure.engine.scenario.Location;

/**
 * A validated council scenario: what the scenario file says, typed. Maps keep the order of
 * the file, which is the order of the columns in {@code results.csv}.
 *
 * @param file the file it was read from, as given (for footnotes and messages)
 */
public record Scenario(String name, String description, List<String> sources, int start, int end, String units,
                       Map<String, Series> drivers, Map<String, Series> income, Map<String, Service> services,
                       List<FailureDemandLink> links, Budget budget, String file, Location location) {

    public Scenario {
        if (end < start) throw new IllegalArgumentException("end before start");
        sources = List.copyOf(sources);
        drivers = Collections.unmodifiableMap(new LinkedHashMap<>(drivers));
        income = Collections.unmodifiableMap(new LinkedHashMap<>(income));
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        links = List.copyOf(links);
    }

    public int years() {
        return end - start + 1;
    }

    /** {@code 2025} as {@code 2025/26}. */
    public static String financialYear(int year) {
        return year + "/" + String.format("%02d", Math.floorMod(year + 1, 100));
    }
}
