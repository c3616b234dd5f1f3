package org.pressure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command leaves its folder holding what it wrote this time, and files it does not write. */
class OutputFolderTest {
    @TempDir
    Path dir;

    private List<String> files(Path folder) throws IOException {
        try (var s = Files.list(folder)) {
            return s.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void a_run_without_charts_removes_the_charts_of_an_earlier_run_and_nothing_else() throws IOException {
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, CommandLineTest.SCENARIO);
        Path out = dir.resolve("out");
        assertEquals(0, CommandLineTest.execute("run", scenario.toString(), "--out", out.toString(), "--format", "svg").exit());
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.writeString(dir.resolve("elsewhere.png"), "not in the folder");
        Files.createSymbolicLink(out.resolve("reserves.png"), dir.resolve("elsewhere.png"));
        assertEquals(0, CommandLineTest.execute("run", scenario.toString(), "--out", out.toString(), "--no-chart").exit());
        assertEquals(List.of("notes.txt", "reserves.png", "results.csv", "summary.json"), files(out),
                "charts of the earlier run are gone; the user's file and a link are left alone");
        assertEquals("not in the folder", Files.readString(dir.resolve("elsewhere.png")));
    }

    @Test
    void compare_and_report_keep_only_their_own_files_of_this_time() throws IOException {
        Path a = dir.resolve("a.yaml"), b = dir.resolve("b.yaml");
        Files.writeString(a, CommandLineTest.SCENARIO);
        Files.writeString(b, CommandLineTest.SCENARIO.replace("Test council", "Other council"));
        Path out = dir.resolve("rep");
        assertEquals(0, CommandLineTest.execute("report", a.toString(), b.toString(), "--out", out.toString(),
                "--format", "svg").exit());
        assertEquals(0, CommandLineTest.execute("report", a.toString(), "--out", out.toString(), "--format", "svg").exit());
        assertEquals(List.of("a-budget-gap.svg", "a-failure-demand.svg", "a-graph-of-doom.svg", "a-reserves.svg",
                "report.html", "report.xlsx"), files(out), "b's charts and the comparison chart of the first report are gone");
        Path cmp = dir.resolve("cmp");
        assertEquals(0, CommandLineTest.execute("compare", a.toString(), b.toString(), "--out", cmp.toString(),
                "--format", "svg").exit());
        assertEquals(0, CommandLineTest.execute("compare", a.toString(), b.toString(), "--out", cmp.toString(),
                "--no-chart").exit());
        assertEquals(List.of("comparison.csv"), files(cmp));
    }
}
