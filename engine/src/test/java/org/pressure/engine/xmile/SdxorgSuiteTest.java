package org.pressure.engine.xmile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every model copied from the SDXorg test-models suite into {@code src/test/resources/sdxorg}
 * (XMILE and Vensim, with the suite's LICENSE beside them) runs and matches the suite's
 * expected output by the suite's own rule (1e-4 relative, or both within 1e-6 of zero), and
 * gives the same numbers to the last bit in generated code. The folders copied are those that
 * pass; docs/interop.md lists every folder of the suite and its result.
 */
class SdxorgSuiteTest {

    @TestFactory
    Stream<DynamicTest> every_copied_suite_model_matches_its_expected_output() throws Exception {
        Path root = Path.of(SdxorgSuiteTest.class.getResource("/sdxorg").toURI());
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> models;
        try (Stream<Path> all = Files.walk(root)) {
            models = all.filter(Xmile::isModelFile).sorted().toList();
        }
        assertTrue(models.size() >= 188, "the copied suite has " + models.size() + " models");
        for (Path model : models) {
            tests.add(DynamicTest.dynamicTest(root.relativize(model).toString(), () -> check(model)));
        }
        return tests.stream();
    }

    private static void check(Path model) throws Exception {
        Path folder = model.getParent();
        Path expectedFile = Files.exists(folder.resolve("output.csv")) ? folder.resolve("output.csv") : folder.resolve("output.tab");
        ExpectedOutput expected = ExpectedOutput.read(expectedFile);
        CompiledXmile compiled = Xmile.load(model);
        XmileRun run = compiled.run();
        List<String> missing = new ArrayList<>();
        List<String> differences = expected.differences(run, missing);
        if (!missing.isEmpty()) fail("the run has no column for " + missing + "; it has " + run.names());
        if (!differences.isEmpty()) fail(String.join("\n", differences));
        assertTrue(compiled.model().generateCode(), "generated code: " + compiled.model().generationFailure());
        XmileRun again = compiled.run();
        for (int c = 0; c < run.columns().size(); c++) {
            double[] a = run.columns().get(c), b = again.columns().get(c);
            for (int r = 0; r < a.length; r++) {
                assertEquals(Double.doubleToLongBits(a[r]), Double.doubleToLongBits(b[r]),
                        run.names().get(c) + " at " + run.times()[r] + ": " + a[r] + " interpreted, " + b[r] + " generated");
            }
        }
    }
}
