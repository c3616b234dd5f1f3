package org.pressure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressure.engine.council.ScenarioParser;
import org.pressure.engine.council.Scenarios;
import org.pressure.engine.sweep.SweepParser;

/** The published schemas say exactly what the parsers accept, and the starter scenario runs. */
class SchemaAndInitTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Set<String> keys(JsonNode properties) {
        List<String> out = new ArrayList<>();
        properties.fieldNames().forEachRemaining(out::add);
        return Set.copyOf(out);
    }

    @Test
    void the_scenario_schema_names_every_key_the_parser_accepts_and_no_other() throws Exception {
        JsonNode s = JSON.readTree(SchemaCommand.schema(SchemaCommand.Kind.scenario));
        JsonNode p = s.get("properties");
        assertEquals(Set.copyOf(ScenarioParser.TOP_KEYS), keys(p));
        assertEquals(Set.copyOf(ScenarioParser.TIME_KEYS), keys(p.get("time").get("properties")));
        assertEquals(Set.copyOf(ScenarioParser.BUDGET_KEYS), keys(p.get("budget").get("properties")));
        assertEquals(Set.copyOf(ScenarioParser.RESERVES_KEYS), keys(p.get("budget").get("properties").get("reserves").get("properties")));
        assertEquals(Set.copyOf(ScenarioParser.SERVICE_KEYS), keys(s.get("$defs").get("service").get("properties")));
        assertEquals(Set.copyOf(ScenarioParser.LINK_KEYS), keys(s.get("$defs").get("link").get("properties")));
    }

    @Test
    void the_sweep_schema_names_every_key_the_parser_accepts() throws Exception {
        JsonNode s = JSON.readTree(SchemaCommand.schema(SchemaCommand.Kind.sweep));
        assertEquals(Set.copyOf(SweepParser.KEYS), keys(s.get("properties")));
        Set<String> distribution = new java.util.HashSet<>(SweepParser.DISTRIBUTIONS);
        distribution.addAll(List.of("min", "max"));
        assertEquals(distribution, keys(s.get("$defs").get("distribution").get("properties")));
    }

    @Test
    void the_copies_published_in_docs_are_the_programs_own() throws Exception {
        Path docs = Path.of("..", "docs", "schema");
        for (SchemaCommand.Kind k : SchemaCommand.Kind.values()) {
            assertEquals(SchemaCommand.schema(k), Files.readString(docs.resolve(k + ".schema.json")),
                    "docs/schema/" + k + ".schema.json is out of date: run pressure schema " + k + " --out docs/schema/"
                            + k + ".schema.json");
        }
        CommandLineTest.Result r = CommandLineTest.execute("schema", "sweep");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("\"latin_hypercube\""));
    }

    @Test
    void init_writes_a_starter_that_runs_and_never_overwrites_without_force() throws Exception {
        Path file = dir.resolve("my-council.yaml");
        assertEquals(0, CommandLineTest.execute("init", dir.resolve("my-council").toString()).exit());
        var result = Scenarios.compile(file, List.of()).run();
        assertEquals("my council", result.scenario().name());
        assertTrue(result.indicators().gapYear() != null, "the starter shows some pressure");
        Files.writeString(file, "mine");
        CommandLineTest.Result again = CommandLineTest.execute("init", file.toString());
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("already exists"), again.err());
        assertEquals("mine", Files.readString(file));
        assertEquals(0, CommandLineTest.execute("init", file.toString(), "--force").exit());
    }

    @Test
    void shell_completion_is_generated() {
        CommandLineTest.Result r = CommandLineTest.execute("generate-completion");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("pressure") && r.out().contains("sweep"), r.out().substring(0, 200));
    }
}
