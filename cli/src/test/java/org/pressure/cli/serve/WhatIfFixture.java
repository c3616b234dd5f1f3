package org.pressure.cli.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pressure.engine.council.Indicators;
import org.pressure.engine.council.Scenarios;

/** The scenario the what-if tests use (the README's minimal one), and the run `pressure run --set` gives. */
final class WhatIfFixture {
    private WhatIfFixture() {}

    static final String SCENARIO = """
            name: Example council
            time: {start: 2025, end: 2045}          # 2025 means 2025/26; end inclusive
            drivers:
              # ONS projection, people aged 65 and over
              pop_65_plus: {start: 61000, growth: 2.4%}
            income:
              council_tax: {start: 120, growth: 2.99%}
              grant:       {start: 80, growth: -1%}
            services:
              adult_social_care:                    # statutory unless told otherwise
                clients: {per: pop_65_plus, rate: 4.1%}
                unit_cost: {start: 0.0205, growth: 3%}
              childrens_social_care: {cost: {start: 45, growth: 5%}}
              # ASSUMPTION: a quarter of prevention is protected
              prevention: {statutory: false, cost: {start: 12, growth: 2%}, floor: 25%}
              other:      {statutory: false, cost: {start: 90, growth: 2%}}
            failure_demand:
              - {from: prevention, to: adult_social_care, clients_per_m: 35, delay: 2}
            budget:
              reserves: {opening: 40, minimum: 10}
            """;

    static Path write(Path dir) throws IOException {
        Path file = dir.resolve("example.yaml");
        Files.writeString(file, SCENARIO);
        return file;
    }

    /** The indicators of `pressure run FILE --set ...`. */
    static Indicators runWithSet(Path file, String... sets) {
        return Scenarios.compile(file, List.of(sets)).run().indicators();
    }
}
