package org.pressure.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.Scenarios;
import org.pressure.engine.sweep.SweepModel;

/** The hand-written baseline computes exactly what the engine computes, over many parameter sets. */
class HandWrittenCouncilTest {
    private static final Path SWEEP = Path.of("..", "scenarios", "unitary-council-throughput-sweep.yaml");

    @Test
    void agrees_with_the_engine_to_the_last_bit_over_two_thousand_parameter_sets() {
        SweepModel model = SweepModel.load(SWEEP, null, null);
        SplittableRandom rnd = new SplittableRandom(11);
        double[] scratch = new double[HandWrittenCouncil.YEARS];
        for (int i = 0; i < 2000; i++) {
            double[] p = {rnd.nextDouble(-0.02, 0.06), rnd.nextDouble(-0.02, 0.15), rnd.nextDouble(-0.05, 0.1)};
            CouncilResult engine = model.run(p);
            HandWrittenCouncil.Outputs hand = HandWrittenCouncil.run(p[0], p[1], p[2], scratch);
            assertEquals(engine.indicators().cumulativeGap(), hand.cumulativeGap(), 0.0, "set " + i);
            assertEquals(engine.indicators().finalReserves(), hand.finalReserves(), 0.0, "set " + i);
        }
    }

    @Test
    void agrees_with_the_scenario_file_as_written() {
        CouncilResult r = Scenarios.compile(Path.of("..", "scenarios", "unitary-council-five-services.yaml"), List.of()).run();
        HandWrittenCouncil.Outputs hand = HandWrittenCouncil.run(0.024, 0.05, 0.0299, new double[HandWrittenCouncil.YEARS]);
        assertEquals(r.indicators().cumulativeGap(), hand.cumulativeGap(), 0.0);
        assertEquals(r.indicators().finalReserves(), hand.finalReserves(), 0.0);
    }
}
