package org.pressure.engine.england;

import java.util.List;
import java.util.Map;

/**
 * Councils reorganised since 2021 whose whole area passed to new councils under new codes: the
 * county councils of Cumbria, North Yorkshire and Somerset, replaced on 1 April 2023 by unitary
 * councils (The Cumbria, North Yorkshire and Somerset (Structural Changes) Orders 2022). Figures
 * published on the new boundaries (population projections, later support decisions) are carried
 * back to the old council by summing its successors: the same people, the same place.
 */
final class Successors {
    private static final Map<String, List<String>> SUCCESSORS = Map.of(
            "E10000006", List.of("E06000063", "E06000064"),   // Cumbria: Cumberland, Westmorland and Furness
            "E10000023", List.of("E06000065"),                // North Yorkshire (county) -> North Yorkshire (unitary)
            "E10000027", List.of("E06000066"));               // Somerset (county) -> Somerset (unitary)

    private Successors() {}

    /** The codes that replaced a council's, or none. */
    static List<String> of(String code) {
        return SUCCESSORS.getOrDefault(code, List.of());
    }

    /** The council a successor's code was carried back to, or the code itself. */
    static String predecessor(String code) {
        for (Map.Entry<String, List<String>> e : SUCCESSORS.entrySet()) {
            if (e.getValue().contains(code)) return e.getKey();
        }
        return code;
    }
}
