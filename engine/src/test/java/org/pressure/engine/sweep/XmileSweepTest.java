package org.pressure.engine.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressure.engine.diagnostics.ScenarioException;

/**
 * A sweep whose scenario is an XMILE model: its parameters are the model's constants by name,
 * its outputs any variable at a time or at the end, and it runs on generated code. Checked
 * against Euler's closed form for the teacup: {@code T(n) = room + (T0 - room) (1 - dt / tau)^n}.
 */
class XmileSweepTest {
    @TempDir
    Path dir;

    private static final String TEACUP = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
              <header><name>Teacup</name></header>
              <sim_specs><start>0</start><stop>30</stop><dt>0.125</dt></sim_specs>
              <model><variables>
                <flow name="Heat Loss to Room"><eqn>("Teacup Temperature" - "Room Temperature") / "Characteristic Time"</eqn></flow>
                <aux name="Room Temperature"><eqn>70</eqn></aux>
                <stock name="Teacup Temperature"><outflow>"Heat Loss to Room"</outflow><eqn>180</eqn></stock>
                <aux name="Characteristic Time"><eqn>10</eqn></aux>
              </variables></model>
            </xmile>
            """;

    private Path sweep(String parameters, String outputs, String extra) throws IOException {
        Files.writeString(dir.resolve("teacup.xmile"), TEACUP);
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, """
                sweep: Teacup
                scenario: teacup.xmile
                design: random
                runs: 2048
                seed: 7
                parameters:
                %s
                outputs: [%s]
                %s
                """.formatted(parameters.indent(2).stripTrailing(), outputs, extra));
        return file;
    }

    @Test
    void every_run_matches_eulers_closed_form_on_generated_code() throws IOException {
        Path file = sweep("""
                characteristic_time: {uniform: [5, 15]}
                teacup temperature: {uniform: [150, 200]}
                """, "teacup_temperature@10, teacup_temperature@end, heat_loss_to_room@0", "");
        SweepModel model = SweepModel.load(file, null, null);
        assertTrue(model.model().usesGeneratedCode(), "a sweep of 2,048 runs runs on generated code: " + model.slowPathReason());
        SweepResult r = new SweepRunner(model, 2, null).run(dir.resolve("out"), false);
        assertEquals(2048, r.runs());
        List<String> lines = Files.readAllLines(dir.resolve("out/runs.csv"));
        assertEquals("run,characteristic_time,teacup temperature,teacup_temperature@10,teacup_temperature@end,heat_loss_to_room@0",
                lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double tau = Double.parseDouble(f[1]), t0 = Double.parseDouble(f[2]);
            double k = 1 - 0.125 / tau;
            assertEquals(70 + (t0 - 70) * Math.pow(k, 80), Double.parseDouble(f[3]), 1e-9, line);
            assertEquals(70 + (t0 - 70) * Math.pow(k, 240), Double.parseDouble(f[4]), 1e-9, line);
            assertEquals((t0 - 70) / tau, Double.parseDouble(f[5]), 1e-12, line);
        }
    }

    @Test
    void a_run_without_a_value_keeps_the_files_constant() throws IOException {
        Path file = sweep("characteristic_time: {uniform: [5, 15]}", "teacup_temperature@10", "");
        SweepModel model = SweepModel.load(file, null, null);
        double[] out = new double[1];
        model.evaluator().run(new double[] {Double.NaN}, out);
        assertEquals(70 + 110 * Math.pow(1 - 0.125 / 10, 80), out[0], 1e-9);
    }

    @Test
    void what_cannot_be_swept_or_recorded_is_refused_saying_why() throws IOException {
        String[][] cases = {
            {"heat_loss_to_room: {uniform: [1, 2]}", "teacup_temperature@10", "",
                "`Heat Loss to Room` is not a constant of the model"},
            {"characteristic_tme: {uniform: [5, 15]}", "teacup_temperature@10", "",
                "the model has no variable called that; did you mean `Characteristic Time`?"},
            {"characteristic_time: {uniform: [5, 15]}", "failure_year", "", "records a variable at a time, NAME@TIME or NAME@end"},
            {"characteristic_time: {uniform: [5, 15]}", "teacup_temperature@10.1", "",
                "the time must be `end` or a time the model reaches, from 0 to 30 in steps of 0.125"},
            {"characteristic_time: {uniform: [5, 15]}", "teacup_temprature@end", "", "did you mean `Teacup Temperature`?"},
            {"characteristic_time: {uniform: [5, 15]}", "teacup_temperature@end", "trajectories: [reserves]",
                "trajectories are years of a council scenario"},
            {"characteristic_time: {uniform: [5, 15]}\n\"Characteristic Time\": {uniform: [6, 9]}", "teacup_temperature@end", "",
                "names the same variable as parameter `characteristic_time`"},
        };
        for (String[] c : cases) {
            Path file = sweep(c[0], c[1], c[2]);
            ScenarioException e = assertThrows(ScenarioException.class, () -> SweepModel.load(file, null, null), c[3]);
            assertTrue(e.getMessage().contains(c[3]), e.getMessage());
            assertTrue(e.problems().get(0).location().file().endsWith("sweep.yaml"), "points at the sweep file: " + e.getMessage());
        }
    }

    @Test
    void a_model_that_is_not_there_is_refused_at_the_sweep_files_scenario_line() throws IOException {
        Path file = sweep("characteristic_time: {uniform: [5, 15]}", "teacup_temperature@10", "");
        Files.writeString(file, Files.readString(file).replace("scenario: teacup.xmile", "scenario: teacups.xmile"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> SweepModel.load(file, null, null));
        assertEquals(2, e.problems().get(0).location().line(), e.getMessage());
        assertTrue(e.getMessage().contains("`scenario`: ") && e.getMessage().contains("no such file"), e.getMessage());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Euler", "RK2", "RK4"})
    void generated_code_gives_the_interpreters_numbers_for_every_integration_method(String method) {
        String xml = TEACUP.replace("<sim_specs>", "<sim_specs method=\"" + method + "\">")
                .replace("</variables>", """
                    <aux name="Smoothed"><eqn>smth1("Teacup Temperature", 3)</eqn></aux>
                    <aux name="Delayed"><eqn>delay3("Heat Loss to Room", 2)</eqn></aux>
                    <aux name="Waves"><eqn>sinwave(2, 7) + step(5, 12)</eqn></aux>
                  </variables>""");
        var model = org.pressure.engine.xmile.XmileCompiler.compile(org.pressure.engine.xmile.XmileReader.read(
                new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "teacup.xmile"));
        var interpreted = model.run();
        assertTrue(model.model().generateCode(), model.model().generationFailure());
        var generated = model.run();
        for (int c = 0; c < interpreted.columns().size(); c++) {
            double[] a = interpreted.columns().get(c), b = generated.columns().get(c);
            for (int r = 0; r < a.length; r++) {
                assertEquals(Double.doubleToLongBits(a[r]), Double.doubleToLongBits(b[r]),
                        method + ": " + interpreted.names().get(c) + " at " + interpreted.times()[r]);
            }
        }
    }
}
