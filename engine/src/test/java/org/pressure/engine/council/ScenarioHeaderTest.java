package org.pressure.engine.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the flagship's header says the run shows is what the run gives; comments cite files that exist. */
class ScenarioHeaderTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void the_barnet_header_quotes_the_years_of_its_run() throws IOException {
        Path file = ROOT.resolve("scenarios/barnet-graph-of-doom.yaml");
        Indicators in = Scenarios.compile(file, List.of()).run().indicators();
        Matcher m = Pattern.compile("(?m)^#\\s+(\\w+_year) (\\d{4}/\\d{2})\\s").matcher(Files.readString(file));
        int quoted = 0;
        while (m.find()) {
            assertEquals(Scenario.financialYear((Integer) in.asMap().get(m.group(1))), m.group(2), m.group(1));
            quoted++;
        }
        assertEquals(4, quoted, "failure, gap, reserves and crossover years are quoted");
        assertTrue(Files.readString(file).contains("overtakes total income in "
                + Scenario.financialYear(in.crossoverYear())));
    }

    @Test
    void comments_name_the_model_s_design_by_its_path_in_the_repository() throws IOException {
        assertTrue(Files.exists(ROOT.resolve("docs/model.md")));
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/target/")).toList()) {
                assertFalse(Files.readString(f).contains("council-" + "model.md"), f.toString());
            }
        }
    }
}
