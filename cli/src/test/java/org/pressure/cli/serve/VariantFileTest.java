package org.pressure.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressure.engine.council.Scenarios;

/** A saved variant runs exactly as the page's values run with --set, wherever in the file they sit. */
class VariantFileTest {
    @TempDir
    Path dir;

    @Test
    void values_inside_series_of_part_two_keys_are_written_with_their_whole_series() throws Exception {
        Path file = dir.resolve("savings.yaml");
        Files.writeString(file, """
                name: Savings council
                time: {start: 2025, end: 2035}
                agencies: [nhs]
                income:
                  tax: {start: 100, growth: 2%}
                services:
                  care: {cost: {start: 60, growth: 5%}}
                  ae: {agency: nhs, cost: {start: 5, growth: 3%}}
                  other: {statutory: false, cost: {start: 40, growth: 2%}, floor: 20%}
                savings:
                  review: {service: care, amount: {start: 2, growth: 1%}, from: 2026, delivery: 70%}
                budget:
                  reserves: {opening: 20, minimum: 5}
                """);
        WhatIf w = WhatIf.load(file, List.of("savings.review.amount.growth=0%..5%:1%", "savings.review.delivery=50%..100%:10%",
                "services.ae.cost.growth=0%..5%:1%"), true);
        Map<String, String> values = Map.of("savings.review.amount.growth", "4%", "savings.review.delivery", "90%",
                "services.ae.cost.growth", "5%");
        String yaml = w.variantFile(values);
        assertEquals("""
                # A variant of savings.yaml, saved from the what-if page of `pressure serve`.
                # Keep it in the same folder as savings.yaml. It changes only:
                #   savings.review.amount.growth: 1% -> 4%
                #   savings.review.delivery: 70% -> 90%
                #   services.ae.cost.growth: 3% -> 5%
                extends: savings.yaml
                savings:
                  review:
                    amount: {start: 2, growth: 4%}
                    delivery: 90%
                services:
                  ae:
                    cost: {start: 5, growth: 5%}
                """, yaml);
        Path variant = dir.resolve("savings-variant.yaml");
        Files.writeString(variant, yaml);
        assertEquals(Scenarios.compile(file, List.of("savings.review.amount.growth=4%", "savings.review.delivery=90%",
                        "services.ae.cost.growth=5%")).run().indicators(),
                Scenarios.compile(variant, List.of()).run().indicators());
        assertEquals(w.run(values).indicators(), Scenarios.compile(variant, List.of()).run().indicators());
    }
}
