package org.pressure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The attacker's audit of issue 15: each refusal is exit 2, located, and reads nothing it should not. */
class AuditTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    private static CommandLineTest.Result refused(String... args) {
        CommandLineTest.Result r = CommandLineTest.execute(args);
        assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("internal error"), r.err());
        return r;
    }

    private static final String HEAD = "name: x\ntime: {start: 2025, end: 2030}\n";

    @Test
    void files_outside_the_folder_are_refused_unless_allowed_and_never_echoed() throws IOException {
        Path ext = file("ext.yaml", HEAD + "extends: /etc/passwd\n");
        assertEquals(ext + ":3:10: `extends` names a file outside this file's folder (/etc/passwd); files are named "
                + "relative to the file that names them, and must lie in its folder, the folder the command was started "
                + "in, or a folder below one of them. If you trust this file, run with --allow-outside to read it\n", refused("validate", ext.toString()).err());
        CommandLineTest.Result allowed = refused("validate", "--allow-outside", ext.toString());
        assertEquals(ext + ":3:10: `extends: /etc/passwd`: that file is not a scenario (it does not hold a mapping of "
                + "keys such as name, time and services)\n", allowed.err());
        Path csv = file("sub/csv.yaml", HEAD + "drivers:\n  p: {csv: ../../../../../../etc/passwd, column: x}\n");
        CommandLineTest.Result r = refused("validate", csv.toString());
        assertTrue(r.err().startsWith(csv + ":4:12: `drivers.p.csv` names a file outside"), r.err());
        assertFalse(r.err().contains("root"), r.err());
        file("base.yaml", HEAD + "income:\n  t: 10\n");
        Path variant = file("variants/v.yaml", "extends: ../base.yaml\nname: v\n");
        refused("run", variant.toString(), "--out", dir.resolve("o").toString());
        CommandLineTest.Result ok = CommandLineTest.execute("run", variant.toString(), "--allow-outside", "--out",
                dir.resolve("o").toString(), "--no-chart");
        assertEquals(0, ok.exit(), ok.err());
    }

    private static final String SWEEP = "sweep: s\ndesign: random\nruns: 2\noutputs: [gap_year]\n";

    @Test
    void a_sweep_in_its_own_folder_may_name_a_scenario_beside_it_under_the_folder_the_command_runs_in() throws IOException {
        // the command runs in the module's folder; a project laid out as sweeps/ and scenarios/ under it
        Path project = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "layout");
        Path relative = Path.of("").toAbsolutePath().relativize(project);
        Files.createDirectories(project.resolve("scenarios"));
        Files.writeString(project.resolve("scenarios/x.yaml"), HEAD + "drivers:\n  cpi: 2%\n");
        Files.createDirectories(project.resolve("sweeps"));
        Files.writeString(project.resolve("sweeps/s.yaml"), SWEEP + "scenario: ../scenarios/x.yaml\n"
                + "parameters:\n  drivers.cpi: {uniform: [1%, 3%]}\n");
        CommandLineTest.Result ok = CommandLineTest.execute("sweep", relative.resolve("sweeps/s.yaml").toString(), "--out",
                dir.resolve("o").toString());
        assertEquals(0, ok.exit(), ok.err());
        // the same layout elsewhere, run from here, is still refused: once, at `scenario:`, with the way to allow it
        Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(dir.resolve("scenarios/x.yaml"), HEAD);
        Path sweep = file("sweeps/s.yaml", SWEEP + "scenario: ../scenarios/x.xmile\n"
                + "parameters:\n  characteristic_time: {uniform: [5, 15]}\n");
        assertEquals(sweep + ":5:11: `scenario` names a file outside this file's folder (../scenarios/x.xmile); files are "
                + "named relative to the file that names them, and must lie in its folder, the folder the command was "
                + "started in, or a folder below one of them. If you trust this file, run with --allow-outside to read it\n",
                refused("validate", sweep.toString()).err());
        // below the folder of the file given on the command line: a part in sub/ may name a file beside the top one
        file("b.yaml", HEAD + "income:\n  t: 10\n");
        file("sub/a.yaml", "extends: ../b.yaml\n");
        Path top = file("top.yaml", "extends: sub/a.yaml\nname: top\n");
        CommandLineTest.Result chained = CommandLineTest.execute("validate", top.toString());
        assertEquals(0, chained.exit(), chained.err());
        assertEquals(2, CommandLineTest.execute("validate", dir.resolve("sub/a.yaml").toString()).exit(),
                "given alone, sub/a.yaml may not climb out of its folder");
    }

    @Test
    void devices_pipes_and_nul_paths_are_refused_at_once() throws Exception {
        Path zero = file("zero.yaml", HEAD + "extends: /dev/zero\n");
        assertEquals(zero + ":3:10: `extends: /dev/zero`: is not an ordinary file (a device, pipe or socket); only "
                + "ordinary files are read\n", refused("validate", "--allow-outside", zero.toString()).err());
        Path sweep = file("sweep.yaml", "sweep: s\nscenario: /dev/urandom\ndesign: random\nruns: 1\n"
                + "parameters:\n  drivers.x: {uniform: [0, 1]}\noutputs: [gap_year]\n");
        assertTrue(refused("sweep", "--allow-outside", sweep.toString()).err().contains("is not an ordinary file"));
        Path nul = file("nul.yaml", HEAD + "extends: \"a\\0b.yaml\"\n");
        assertEquals(nul + ":3:11: `extends` is not a valid file path (Nul character not allowed)\n",
                refused("validate", nul.toString()).err());
        Path fifo = dir.resolve("fifo.yaml");
        boolean made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        assumeTrue(made, "mkfifo is needed for the pipe case");
        Path pipe = file("pipe.yaml", HEAD + "extends: fifo.yaml\n");
        assertTrue(refused("validate", pipe.toString()).err().contains("`extends: fifo.yaml`: is not an ordinary file"));
    }

    @Test
    void aliases_of_a_long_text_cannot_multiply_it() throws IOException {
        StringBuilder yaml = new StringBuilder(HEAD + "x: &e \"=" + "1 + ".repeat(2400) + "1\"\ndrivers:\n");
        for (int i = 0; i < 1200; i++) yaml.append("  d").append(i).append(": *e\n");
        Path bomb = file("aliases.yaml", yaml.toString());
        String err = refused("validate", bomb.toString()).err();
        assertTrue(err.contains("aliases.yaml:") && err.contains("characters of text (aliases of a long text used as a "
                + "bomb?)"), err);
    }

    @Test
    void xmile_macros_that_double_steps_times_variables_and_nan_points_are_refused() throws IOException {
        String head = "<xmile version=\"1.0\"><header><name>m</name></header>"
                + "<sim_specs><start>0</start><stop>%s</stop><dt>%s</dt></sim_specs>";
        StringBuilder macros = new StringBuilder("<macro name=\"f0\"><parm>x</parm><eqn>x + 1</eqn></macro>");
        for (int i = 1; i <= 40; i++) {
            macros.append("<macro name=\"f").append(i).append("\"><parm>x</parm><eqn>f").append(i - 1).append("(x) + f")
                    .append(i - 1).append("(x)</eqn></macro>");
        }
        Path doubling = file("doubling.xmile", head.formatted("10", "1") + macros
                + "<model><variables><aux name=\"a\"><eqn>f40(1)</eqn></aux></variables></model></xmile>");
        assertTrue(refused("validate", doubling.toString()).err().contains("macros expand this equation to more than"));
        StringBuilder auxes = new StringBuilder();
        for (int i = 0; i < 200; i++) auxes.append("<aux name=\"a").append(i).append("\"><eqn>1</eqn></aux>");
        Path big = file("big.xmile", head.formatted("5000000", "1") + "<model><variables>" + auxes
                + "</variables></model></xmile>");
        assertTrue(refused("validate", big.toString()).err().contains("values (201 variables over 5000001 steps); the "
                + "limit is 50000000"), "refused before any run");
        Path nan = file("nan.xmile", head.formatted("10", "1") + "<model><variables><aux name=\"g\"><eqn>1</eqn>"
                + "<gf><xpts>0,NaN</xpts><ypts>0,1</ypts></gf></aux></variables></model></xmile>");
        assertTrue(refused("run", nan.toString(), "--out", dir.resolve("x").toString()).err()
                .contains("nan.xmile:1:"), "located");
        Files.write(dir.resolve("bytes.xmile"), "<xmile>\n<a>\u00e9</a>\n</xmile>".getBytes(StandardCharsets.ISO_8859_1));
        CommandLineTest.Result bytes = refused("validate", dir.resolve("bytes.xmile").toString());
        assertEquals(dir.resolve("bytes.xmile") + ":2:4: is not UTF-8 text: byte 12 (0xE9) cannot start or continue a "
                + "character (binary data, or text saved in another encoding: save it as UTF-8)\n", bytes.err(),
                "no stray [Fatal Error] line");
    }

    @Test
    void bad_coefficients_and_runs_csv_folders_are_bad_input_not_internal_errors() throws IOException {
        Path link = file("link.yaml", HEAD + "income: {t: 100}\nservices:\n  care: {clients: 10, unit_cost: 1}\n"
                + "  prev: {statutory: false, cost: 10}\nfailure_demand:\n"
                + "  - {from: prev, to: care, clients_per_m: \"=1 +\", delay: 1}\n");
        assertEquals(link + ":8:48: `failure_demand.0.clients_per_m`: the expression ends too early; expected a number, "
                + "a name or `(`\n", refused("run", link.toString(), "--out", dir.resolve("o").toString()).err());
        Path sweep = file("s.yaml", "sweep: s\nscenario: base.yaml\ndesign: random\nruns: 4\nparameters:\n"
                + "  income.t: {uniform: [90, 110]}\noutputs: [gap_year]\n");
        file("base.yaml", HEAD + "income:\n  t: 100\n");
        Files.createDirectories(dir.resolve("out/runs.csv"));
        assertTrue(refused("sweep", sweep.toString(), "--out", dir.resolve("out").toString(), "--resume", "--no-chart")
                .err().contains("runs.csv: is not an ordinary file (a folder or a link)"));
    }

    @Test
    void the_wrong_kind_of_file_and_common_slips_get_their_own_message() throws IOException {
        file("base.yaml", HEAD + "income:\n  t: 100\n");
        Path sweep = file("s.yaml", "sweep: s\nscenario: base.yaml\ndesign: random\nruns: 4\nparameters:\n"
                + "  income.t: {uniform: [90, 110]}\noutputs: [gap_year]\n");
        assertEquals(sweep + ":1:1: this is a sweep file, not a scenario: run it with `pressure sweep " + sweep + "`\n",
                refused("run", sweep.toString(), "--out", dir.resolve("o").toString()).err());
        assertTrue(refused("sweep", dir.resolve("base.yaml").toString()).err().contains("this is a scenario file, not a "
                + "sweep file: run it with `pressure run"));
        Path slips = file("slips.yaml", "name: x\ntime: {start: 2025/26, end: 2030}\ndrivers:\n  p: {start: 170,000, "
                + "growth: 1%}\n");
        assertEquals(List.of(
                slips + ":2:15: `start`: `2025/26` is a financial year written as text; years are whole numbers: write "
                        + "2025 for 2025/26",
                slips + ":4:18: unknown key `000` in `drivers.p` (allowed: start, growth); a number written with a comma "
                        + "for thousands (170,000) is split at the comma in a {...} mapping: write 170000"),
                refused("validate", slips.toString()).err().lines().toList());
        Path indent = file("indent.yaml", "name: x\ntime:\n  start: 2025\n end: 2030\n");
        assertTrue(refused("validate", indent.toString()).err().startsWith(indent + ":4:2: YAML syntax error: this line "
                + "is indented differently from the keys or items before it"));
        Path notUtf8 = dir.resolve("latin1.yaml");
        Files.write(notUtf8, "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(refused("validate", notUtf8.toString()).err().startsWith(notUtf8 + ":1:10: is not UTF-8 text"));
        Path huge = file("huge.yaml", "name: x\ntime: {start: 2147483000, end: 2147483001}\n");
        assertTrue(refused("validate", huge.toString()).err().contains("`start` is 2147483000, out of range"));
    }

    @Test
    void csv_cells_a_spreadsheet_would_run_are_neutralised() throws IOException {
        Path a = file("=HYPERLINK(x).yaml", HEAD + "income:\n  t: 100\n");
        Path b = file("b.yaml", HEAD + "income:\n  t: 90\n");
        CommandLineTest.Result r = CommandLineTest.execute("compare", b.toString(), a.toString(), "--out",
                dir.resolve("c").toString(), "--no-chart");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("c/comparison.csv"));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("2025,'=HYPERLINK(x),")), lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.contains(",=")), lines.toString());
    }

    @Test
    void a_very_long_scenario_name_is_cut_on_charts_and_long_entity_names_are_refused() throws IOException {
        Path longName = file("long.yaml", "name: " + "n".repeat(30_000) + "\ntime: {start: 2025, end: 2030}\n"
                + "income:\n  t: 100\nservices:\n  s: {cost: 50}\n");
        CommandLineTest.Result r = CommandLineTest.execute("run", longName.toString(), "--out", dir.resolve("l").toString(),
                "--format", "svg");
        assertEquals(0, r.exit(), r.err());
        String svg = Files.readString(dir.resolve("l/graph-of-doom.svg"));
        assertTrue(svg.contains("nnn...</text>") && !svg.contains("n".repeat(118)), "title cut to 120 characters");
        Path longEntity = file("entity.yaml", HEAD + "drivers:\n  " + "d".repeat(65) + ": 1\n");
        assertTrue(refused("validate", longEntity.toString()).err().contains("is 65 characters long; names are at most 64"));
    }

    @Test
    void price_options_are_offered_only_where_they_work_and_never_ignored() throws IOException {
        Path s = file("s.yaml", HEAD + "drivers:\n  cpi: 2%\n  pop: {start: 61000, growth: 2%}\nincome:\n  t: 100\n");
        Path out = dir.resolve("o");
        assertEquals("--deflator cpi: a deflator applies only to real terms: add --prices real, or leave out --deflator\n",
                refused("run", s.toString(), "--deflator", "cpi", "--out", out.toString()).err());
        assertEquals("--deflator pop: `pop` runs from 61,000 to 67,349, so it is neither a yearly inflation rate (below "
                + "100%) nor a price index (about 1 or 100 in some year); give the driver that holds inflation, such as "
                + "cpi\n", refused("run", s.toString(), "--prices", "real", "--deflator", "pop", "--out", out.toString()).err());
        assertEquals("compare shows amounts in cash only (scenarios may not share a deflator); --prices, "
                + "--deflator and --base-year are options of `run`, `report` and `solve`\nRun `pressure compare --help` for its "
                + "options.\n", refused("compare", s.toString(), s.toString(), "--prices", "real").err());
        assertEquals("compare needs at least two scenario files, the baseline first, then those to set "
                + "beside it\nRun `pressure compare --help` for its options.\n", refused("compare", s.toString()).err());
        assertFalse(Files.exists(out));
    }

    @Test
    void a_long_sweep_says_what_it_is_first_and_prints_progress_lines_when_piped() throws IOException {
        file("base.yaml", HEAD + "income:\n  t: {start: 100, growth: 1%}\nservices:\n  s: {cost: {start: 90, growth: 3%}}\n");
        Path sweep = file("long.yaml", "sweep: Long one\nscenario: base.yaml\ndesign: random\nruns: 20000\nseed: 1\n"
                + "parameters:\n  income.t.growth: {uniform: [0%, 2%]}\noutputs: [gap_year]\n");
        CommandLineTest.Result r = CommandLineTest.execute("sweep", sweep.toString(), "--out", dir.resolve("o").toString(),
                "--no-chart", "--threads", "1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Long one\n  random design, 20,000 runs, seed 1, scenario base.yaml\n"), r.out());
        assertEquals(List.of("  10% (2,048 of 20,000 runs)", "  20% (4,096 of 20,000 runs)", "  30% (6,144 of 20,000 runs)",
                "  40% (8,192 of 20,000 runs)", "  51% (10,240 of 20,000 runs)", "  60% (12,032 of 20,000 runs)",
                "  70% (14,080 of 20,000 runs)", "  80% (16,128 of 20,000 runs)", "  90% (18,176 of 20,000 runs)"),
                r.err().lines().toList());
    }
}
