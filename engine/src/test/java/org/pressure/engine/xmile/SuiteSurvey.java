package org.pressure.engine.xmile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.pressure.engine.diagnostics.ScenarioException;

/**
 * Runs every model of a full copy of the SDXorg test-models suite, named by the system property
 * {@code sdx.suite} (the folder holding {@code tests/}), and writes the conformance table of
 * docs/interop.md to {@code target/suite-table.md}: one row per model file, with whether it runs
 * and matches its expected output by the suite's rule, or the first difference, or the refusal.
 * Skipped when the property is not set: the suite is not part of this repository.
 */
class SuiteSurvey {

    @Test
    void survey() throws IOException {
        String root = System.getProperty("sdx.suite");
        Assumptions.assumeTrue(root != null, "skipped: set -Dsdx.suite to a copy of SDXorg/test-models");
        List<String> rows = new ArrayList<>();
        int[] xmile = new int[2], vensim = new int[2];
        for (String part : List.of("tests", "samples")) {
            List<Path> files;
            try (Stream<Path> all = Files.walk(Path.of(root, part))) {
                files = all.filter(p -> Xmile.isModelFile(p) || p.toString().endsWith(".mdl"))
                        .filter(p -> !p.toString().contains("/random/")).sorted().toList();
            }
            for (Path model : files) {
                Path folder = model.getParent();
                Path expectedFile = Files.exists(folder.resolve("output.csv")) ? folder.resolve("output.csv") : folder.resolve("output.tab");
                boolean isVensim = model.toString().endsWith(".mdl");
                int[] count = isVensim ? vensim : xmile;
                String name = Path.of(root).relativize(model).toString();
                if (!Files.exists(expectedFile)) {
                    rows.add("| " + name + " | no expected output in the suite |");
                    continue;
                }
                count[1]++;
                String result;
                try {
                    ExpectedOutput expected = ExpectedOutput.read(expectedFile);
                    XmileRun run = Xmile.load(model).run();
                    List<String> missing = new ArrayList<>();
                    List<String> differences = expected.differences(run, missing);
                    if (differences.isEmpty() && missing.isEmpty()) {
                        result = "pass";
                        count[0]++;
                    } else if (!differences.isEmpty()) {
                        result = "differs: " + differences.get(0);
                    } else {
                        result = "no column for " + missing.subList(0, Math.min(3, missing.size()));
                    }
                } catch (ScenarioException e) {
                    result = "refused: " + e.problems().get(0).message().replace(root + "/", "") .replace("\n", " ");
                } catch (RuntimeException | IOException | StackOverflowError e) {
                    result = "ERROR " + e;
                }
                rows.add("| " + name + " | " + result.replace("|", "\\|") + " |");
            }
        }
        rows.add(0, "XMILE " + xmile[0] + " of " + xmile[1] + ", Vensim " + vensim[0] + " of " + vensim[1]);
        Files.write(Path.of("target", "suite-table.md"), rows);
        System.out.println(rows.get(0));
    }
}
