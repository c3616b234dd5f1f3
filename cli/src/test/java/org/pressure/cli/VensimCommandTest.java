package org.pressure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Vensim {@code .mdl} model through the commands: run, validate, sweep, and a located refusal. */
class VensimCommandTest {
    @TempDir
    Path dir;

    private static final String TEACUP = """
            {UTF-8}
            Teacup Temperature= INTEG (
            	-Heat Loss to Room,
            		180)
            	~	Degrees
            	~		|
            Heat Loss to Room=
            	(Teacup Temperature - Room Temperature) / Characteristic Time
            	~	Degrees/Minute
            	~	The rate of heat loss.
            	|
            Room Temperature=
            	70 ~ Degrees ~ |
            Characteristic Time=
            	10 ~ Minutes ~ |
            ********************************************************
            	.Control
            ********************************************************~
            		Simulation Control Parameters
            	|
            FINAL TIME  = 2 ~ Minute ~ |
            INITIAL TIME  = 0 ~ Minute ~ |
            SAVEPER  = TIME STEP ~ Minute ~ |
            TIME STEP  = 1 ~ Minute ~ |
            \\\\\\---/// Sketch information - do not modify anything except names
            V300  Do not put anything below this section - it will be ignored
            """;

    @Test
    void a_vensim_model_runs_validates_and_sweeps_its_constants() throws Exception {
        Path model = dir.resolve("teacup.mdl");
        Files.writeString(model, TEACUP);
        Path out = dir.resolve("out");
        CommandLineTest.Result run = CommandLineTest.execute("run", model.toString(), "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        assertEquals("time,Teacup Temperature,Heat Loss to Room,Room Temperature,Characteristic Time,FINAL TIME,"
                + "INITIAL TIME,SAVEPER,TIME STEP", rows.get(0));
        assertEquals("1,169,9.9,70,10,2,0,1,1", rows.get(2));
        assertEquals(0, CommandLineTest.execute("validate", model.toString()).exit());
        Path sweep = dir.resolve("sweep.yaml");
        Files.writeString(sweep, """
                sweep: cooling
                scenario: teacup.mdl
                design: one_at_a_time
                parameters:
                  characteristic_time: {uniform: [5, 15]}
                outputs: [teacup_temperature@end]
                """);
        CommandLineTest.Result swept = CommandLineTest.execute("sweep", sweep.toString(), "--out", dir.resolve("s").toString(),
                "--no-chart");
        assertEquals(0, swept.exit(), swept.err());
        assertTrue(Files.readString(dir.resolve("s").resolve("runs.csv")).contains("characteristic_time"));
    }

    @Test
    void an_unknown_function_is_refused_with_its_place_and_exit_2() throws Exception {
        Path model = dir.resolve("bad.mdl");
        Files.writeString(model, TEACUP.replace("70 ~ Degrees", "FROB(70) ~ Degrees"));
        CommandLineTest.Result r = CommandLineTest.execute("run", model.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, r.exit());
        assertEquals(model + ":13:2: unknown function `FROB`; the Vensim functions read are listed in docs/interop.md\n", r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace");
    }
}
