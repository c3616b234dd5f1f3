package org.pressure.engine.council;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pressure.engine.diagnostics.Location;

/**
 * A validated council scenario: what the scenario file says, typed. Maps keep the order of
 * the file, which is the order of the columns in {@code results.csv}.
 *
 * @param file the file it was read from, as given (for footnotes and messages)
 */
public record Scenario(String name, String description, List<String> sources, int start, int end, String units,
                       Map<String, Series> drivers, Map<String, Series> income, Map<String, Service> services,
                       List<FailureDemandLink> links, Budget budget, String file, Location location,
                       Part2 part2, Map<String, String> labels) {

    /**
     * What part 2 of the model adds (docs/model.md sections 8 to 13); {@link #NONE} for a file
     * that uses no part-2 key, which then runs exactly as part 1 says.
     *
     * @param used      whether the file uses any part-2 key (then the budget is set and run as section 10 says)
     * @param agencies  public bodies other than the council, in file order
     * @param savings   savings programmes, in file order
     * @param cohorts   cohorts of people, in file order
     * @param capital   capital financing, or null
     * @param dsg       the dedicated schools grant deficit, or null
     */
    public record Part2(boolean used, List<String> agencies, List<Saving> savings, Map<String, Cohort> cohorts,
                        Capital capital, Dsg dsg) {
        public static final Part2 NONE = new Part2(false, List.of(), List.of(), Map.of(), null, null);

        public Part2 {
            agencies = List.copyOf(agencies);
            savings = List.copyOf(savings);
            cohorts = Collections.unmodifiableMap(new LinkedHashMap<>(cohorts));
        }
    }

    /** A savings programme against one council service (section 10). */
    public record Saving(String name, String service, Series amount, int from, Series delivery, double oneOffCost,
                         Location location) {}

    /** Capital financing (section 11): the capital financing requirement and how it is repaid. */
    public record Capital(double cfr, Series borrowing, Series mrpRate, Series interestRate, Location location) {}

    /** The dedicated schools grant deficit and its statutory override (section 11). */
    public record Dsg(double deficit, Series inYear, int overrideUntil, Location location) {}

    /** A population moving between named states (section 13). */
    public record Cohort(String name, Map<String, Double> states, Map<String, Series> inflow, Map<String, Series> exit,
                         List<Transition> transitions, Location location) {
        public Cohort {
            states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
            inflow = Collections.unmodifiableMap(new LinkedHashMap<>(inflow));
            exit = Collections.unmodifiableMap(new LinkedHashMap<>(exit));
            transitions = List.copyOf(transitions);
        }
    }

    /**
     * A cohort's yearly rate of moving {@code from -> to}; with a response, funding of a service
     * above or below its reference moves the rate (section 13).
     */
    public record Transition(String from, String to, Series rate, Response response, Location location) {}

    /** How a transition rate responds to funding of a service: {@code per_m} a £1m, saturating at {@code max} (NaN: none). */
    public record Response(String service, Series perM, double max, Series reference, Location location) {}

    /** A file whose names carry no {@code label:}. */
    public Scenario(String name, String description, List<String> sources, int start, int end, String units,
                    Map<String, Series> drivers, Map<String, Series> income, Map<String, Service> services,
                    List<FailureDemandLink> links, Budget budget, String file, Location location, Part2 part2) {
        this(name, description, sources, start, end, units, drivers, income, services, links, budget, file, location,
                part2, Map.of());
    }

    /** The constructor of a file without part-2 keys. */
    public Scenario(String name, String description, List<String> sources, int start, int end, String units,
                    Map<String, Series> drivers, Map<String, Series> income, Map<String, Service> services,
                    List<FailureDemandLink> links, Budget budget, String file, Location location) {
        this(name, description, sources, start, end, units, drivers, income, services, links, budget, file, location,
                Part2.NONE);
    }

    public Scenario {
        if (end < start) throw new IllegalArgumentException("end before start");
        sources = List.copyOf(sources);
        drivers = Collections.unmodifiableMap(new LinkedHashMap<>(drivers));
        income = Collections.unmodifiableMap(new LinkedHashMap<>(income));
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        links = List.copyOf(links);
        if (part2 == null) part2 = Part2.NONE;
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /**
     * What people read for a driver, income stream, service or agency: its {@code label:} where
     * the file gives one ("Children's social care", "NHS", "CPI"), else its name in words
     * ({@code adult_social_care}: "Adult social care"; an agency keeps its name, "nhs").
     *
     * @param kind {@code driver}, {@code income}, {@code service} or {@code agency}, as results.csv prefixes columns
     */
    public String label(String kind, String name) {
        String given = labels.get(kind + "." + name);
        if (given != null) return given;
        if (kind.equals("agency")) return name;
        String s = name.replace('_', ' ').strip();
        return s.isEmpty() ? name : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public int years() {
        return end - start + 1;
    }

    /** {@code 2025} as {@code 2025/26}. */
    public static String financialYear(int year) {
        return year + "/" + String.format("%02d", Math.floorMod(year + 1, 100));
    }
}
