package org.pressure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressure.cli.serve.Lever;
import org.pressure.cli.serve.Levers;
import org.pressure.engine.council.Scenarios;
import picocli.CommandLine;

/** {@code pressure serve} and {@code pressure publish} through picocli's execute(): exit codes, messages, files. */
class ServeAndPublishCommandTest {
    @TempDir
    Path dir;

    static final String SCENARIO = """
            name: Test council
            time: {start: 2025, end: 2040}
            income:
              tax: {start: 100, growth: 2%}    # budget book 2025/26
            services:
              care: {cost: {start: 50, growth: 6%}}
              other: {statutory: false, cost: {start: 40, growth: 2%}, floor: 10%}
              bad: {statutory: false, cost: "=other.cost / 10"}
            budget:
              reserves: {opening: 20, minimum: 5}
            """;

    private Path scenario() throws IOException {
        Path file = dir.resolve("test.yaml");
        Files.writeString(file, SCENARIO);
        return file;
    }

    @Test
    void serve_prints_its_address_answers_and_stops() throws Exception {
        Path file = scenario();
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        ServeCommand serve = cl.getSubcommands().get("serve").getCommand();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute("serve", file.toString(), "--port", "0"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!out.toString().contains("Serving at") && !exit.isDone() && System.nanoTime() < deadline) Thread.sleep(20);
        Matcher m = Pattern.compile("Serving at (http://127\\.0\\.0\\.1:(\\d+)/) {2}\\(Ctrl-C to stop\\)").matcher(out.toString());
        assertTrue(m.find(), out + "\n" + err);
        assertTrue(out.toString().startsWith("What-if page for Test council (" + file + ")\n  6 levers:\n"
                + "    income.tax.growth = 0% .. 4% (41 positions)\n"
                + "    services.care.cost.growth = 4% .. 8% (41 positions)\n"
                + "    services.other.cost.growth = 0% .. 4% (41 positions)\n"
                + "    services.other.floor = 0% .. 100% (21 positions)\n"
                + "    budget.reserves.opening = 0 .. 40 (21 positions)\n"
                + "    budget.reserves.minimum = 0 .. 10 (21 positions)\n"), out.toString());
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(m.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        serve.stop.countDown();
        assertEquals(0, exit.get(30, TimeUnit.SECONDS));
        assertTrue(out.toString().endsWith("Stopped.\n"), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void serve_refuses_a_port_in_use_with_a_message() throws Exception {
        Path file = scenario();
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            var r = CommandLineTest.execute("serve", file.toString(), "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(2, r.exit());
            assertTrue(r.err().startsWith("--port " + taken.getLocalPort() + " on 127.0.0.1: cannot listen there ("), r.err());
            assertTrue(r.err().contains("choose another --port, or --port 0 for any free port"), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }

    @Test
    void serve_refuses_bad_options_and_levers_with_messages() throws Exception {
        String file = scenario().toString();
        assertBad(List.of("serve", file, "--port", "70000"), "--port 70000: give a port from 1 to 65535, or 0 for any free port");
        assertBad(List.of("serve", file, "--lever", "services.other.floor"),
                "--lever services.other.floor: expected PATH=LOW..HIGH or PATH=LOW..HIGH:STEP, for example "
                        + "services.prevention.floor=0%..100%:10%");
        assertBad(List.of("serve", file, "--lever", "services.other.flor=0%..50%"),
                "--lever services.other.flor=0%..50%: the scenario has no `services.other.flor`; did you mean `floor`?");
        assertBad(List.of("serve", file, "--lever", "services.bad.cost=0..5"),
                "--lever services.bad.cost=0..5: `services.bad.cost` is the text `=other.cost / 10`; a lever moves a "
                        + "value written as a plain number or percentage");
        assertBad(List.of("serve", file, "--lever", "income.tax=0..5"),
                "--lever income.tax=0..5: `income.tax` is a mapping; a lever moves a value written as a plain number or "
                        + "percentage; try `income.tax.growth`");
        assertBad(List.of("serve", file, "--lever", "services.other.floor=50%..20%"),
                "--lever services.other.floor=50%..20%: LOW must be below HIGH");
        assertBad(List.of("serve", file, "--lever", "services.other.floor=20%..50%"),
                "--lever services.other.floor=20%..50%: the range should include the scenario's own value, 10%");
        assertBad(List.of("serve", file, "--lever", "services.other.floor=0%..abc"),
                "--lever services.other.floor=0%..abc: HIGH: `abc` is not a number; write a plain number such as 2.5 "
                        + "or -1e3, or a percentage such as 4.99%");
        assertBad(List.of("serve", file, "--lever", "services.other.floor=0%..150%:10%"),
                "--lever services.other.floor: at 150% the scenario cannot run: `services.other.floor` is a share of planned "
                        + "spend between 0% and 100%, not 150.0%; choose a narrower range");
        assertBad(List.of("serve", dir.resolve("missing.yaml").toString()), dir.resolve("missing.yaml") + ": ");
        assertBad(List.of("serve", "model.xmile"), "model.xmile: the what-if page is for council scenario files "
                + "(.yaml, .yml, .json); run an XMILE model with `pressure run`");
        assertBad(List.of("publish", "model.stmx", "--lever", "a=1..2:1"), "model.stmx: a published page is made from a "
                + "council scenario file (.yaml, .yml, .json), not an XMILE model");
    }

    private static void assertBad(List<String> args, String messageStart) {
        var r = CommandLineTest.execute(args.toArray(String[]::new));
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().startsWith(messageStart), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void default_levers_are_the_numbers_written_for_growth_floors_reserves_and_coefficients() throws IOException {
        var tree = Scenarios.tree(scenario(), List.of());
        List<Lever> levers = Levers.defaults(tree, "£m");
        assertEquals(List.of("income.tax.growth", "services.care.cost.growth", "services.other.cost.growth",
                "services.other.floor", "budget.reserves.opening", "budget.reserves.minimum"),
                levers.stream().map(Lever::path).toList());
        Lever tax = levers.get(0);
        assertEquals("Tax: growth a year", tax.label());
        assertEquals("% a year", tax.unit());
        assertEquals("budget book 2025/26", tax.comment());
        assertEquals("2%", tax.values().get(tax.baseIndex()));
        assertEquals(List.of("0%", "0.1%", "0.2%"), tax.values().subList(0, 3));
        Lever floor = levers.get(3);
        assertEquals("Other: share of planned spend that cannot be cut", floor.label());
        assertEquals("% of planned spend", floor.unit());
        assertEquals(21, floor.values().size());
        Lever opening = levers.get(4);
        assertEquals("Usable reserves at the start", opening.label());
        assertEquals("£m", opening.unit());
        assertEquals(List.of("0", "2", "4"), opening.values().subList(0, 3));
        assertEquals("40", opening.values().get(opening.values().size() - 1));
        Lever minimum = levers.get(5);
        assertEquals("5", minimum.values().get(minimum.baseIndex()));
    }

    @Test
    void a_default_lever_the_scenario_cannot_take_is_left_out_with_a_note() throws IOException {
        Path file = dir.resolve("fragile.yaml");
        Files.writeString(file, """
                name: Fragile
                time: {start: 2025, end: 2030}
                drivers:
                  r: 2%
                income:
                  tax: 100
                services:
                  care: {cost: "=sqrt(r - 1%) * 100"}
                """);
        var w = org.pressure.cli.serve.WhatIf.load(file, List.of(), false);
        assertEquals(List.of(), w.levers().stream().map(Lever::path).toList());
        assertEquals(List.of("left out drivers.r: at 0% the scenario cannot run: service.care.cost became not a number "
                + "in 2025/26; check the growth rates and divisions that feed it"), w.notes());
    }

    @Test
    void a_lever_s_own_value_is_always_a_position() throws IOException {
        var tree = Scenarios.tree(scenario(), List.of());
        Lever l = Levers.parse(List.of("services.other.floor=0%..100%:25%"), tree, "£m", true).get(0);
        assertEquals(List.of("0%", "10%", "25%", "50%", "75%", "100%"), l.values());
        assertEquals(1, l.baseIndex());
        Lever share = Levers.parse(List.of("services.other.floor=0..1:0.5"), tree, "£m", true).get(0);
        assertEquals(List.of("0%", "10%", "50%", "100%"), share.values(), "written as the file writes it");
    }

    @Test
    void publish_writes_one_page_holding_every_combination() throws Exception {
        Path file = scenario();
        Path out = dir.resolve("site");
        var r = CommandLineTest.execute("publish", file.toString(), "--lever", "services.other.floor=0%..100%:50%",
                "--lever", "income.tax.growth=1%..3%:1%", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Ran 12 combinations of 2 levers in "), r.out());
        assertTrue(r.out().contains("Wrote index.html ("), r.out());
        assertEquals(List.of("index.html"), Files.list(out).map(p -> p.getFileName().toString()).toList());
        String page = Files.readString(out.resolve("index.html"));
        assertTrue(page.contains("\"mode\":\"publish\""));
        assertTrue(page.contains("\"values\":[\"0%\",\"10%\",\"50%\",\"100%\"]"), "the scenario's own 10% is a position");
        assertFalse(page.contains("src=\"http"));
        assertFalse(page.contains("fetch(") && page.contains("\"mode\":\"serve\""));
    }

    @Test
    void publish_refuses_too_many_combinations_with_the_count() throws Exception {
        Path file = scenario();
        var r = CommandLineTest.execute("publish", file.toString(), "--lever", "services.other.floor=0%..100%:1%",
                "--lever", "income.tax.growth=0%..4%:0.1%", "--lever", "services.care.cost.growth=4%..8%:1%",
                "--out", dir.resolve("site").toString());
        assertEquals(2, r.exit());
        assertEquals("--lever: the levers make 101 x 41 x 5 = 20,705 combinations; a published page holds at most 5,000 "
                + "(fewer levers, or larger steps)\n", r.err());
        assertFalse(Files.exists(dir.resolve("site")), "nothing is written");
    }

    @Test
    void publish_s_help_states_the_limit_the_code_applies() {
        var r = CommandLineTest.execute("publish", "--help");
        assertTrue(r.out().replaceAll("\\s+", " ").contains("(at most " + String.format(java.util.Locale.UK, "%,d",
                org.pressure.cli.serve.Publication.MAX_COMBINATIONS) + " combinations)"), r.out());
    }

    @Test
    void publish_needs_levers_with_steps() throws Exception {
        String file = scenario().toString();
        var r = CommandLineTest.execute("publish", file);
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("Missing required option: '--lever=PATH=LOW..HIGH:STEP'"), r.err());
        r = CommandLineTest.execute("publish", file, "--lever", "services.other.floor=0%..100%");
        assertEquals(2, r.exit());
        assertEquals("--lever services.other.floor=0%..100%: give the step, e.g. services.other.floor=0%..100%:20%; "
                + "every combination of the levers' steps is computed ahead\n", r.err());
    }
}
