package org.pressure.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.Problems;

/**
 * Generated code keeps each step's values in locals and, where one loop over the steps is small
 * enough for the JIT, carries the last few steps' values from step to step in locals: these pin
 * it to the interpreter, to the last bit, for lags of one to five steps (past the depth kept in
 * locals), same-step reads, inputs, and a model too large for one loop, split over several methods.
 */
class GeneratedLagsTest {
    private static final Location AT = Location.ofFile("test");

    /** A chain of {@code parts} slots, each reading earlier ones at the same step and any one some steps back. */
    private static Model chain(int parts, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ModelBuilder b = new ModelBuilder(2025, 1, 20);
        int input = b.input("input");
        int[] slot = new int[parts];
        for (int i = 0; i < parts; i++) slot[i] = b.slot("x" + i);
        for (int i = 0; i < parts; i++) {
            Formula f = new Formula.Binary(Formula.BinaryOp.MUL, new Formula.Slot(input), new Formula.Const(1 + i / 7.0));
            if (i > 0) {
                f = new Formula.Binary(Formula.BinaryOp.ADD, f, new Formula.Binary(Formula.BinaryOp.MUL,
                        new Formula.Slot(slot[r.nextInt(i)]), new Formula.Const(0.3)));
            }
            // a lag of one to five steps of any slot, this one included
            int back = 1 + r.nextInt(5);
            Formula lag = new Formula.Lag(new Formula.Slot(slot[r.nextInt(parts)]), back, new Formula.Const(i));
            f = new Formula.Binary(Formula.BinaryOp.ADD, f, new Formula.Binary(Formula.BinaryOp.MUL, lag, new Formula.Const(0.45)));
            // and a lag inside a lag
            f = new Formula.Binary(Formula.BinaryOp.SUB, f, new Formula.Lag(new Formula.Lag(new Formula.Slot(slot[i]), 1,
                    new Formula.Const(2)), 1, new Formula.Const(1)));
            b.assign("x" + i, AT, slot[i], f);
        }
        return b.build(new Problems());
    }

    @Test
    void lagsHeldInLocalsGiveTheInterpretersNumbers() {
        for (long seed = 0; seed < 20; seed++) {
            // 12 and 60 parts run as one loop over the steps (60 would be two methods a step
            // otherwise); 90 and 400 are too large for one loop, and run a method per group of parts each step
            for (int parts : new int[] {12, 60, 90, 400}) {
                Model interpreted = chain(parts, seed), generated = chain(parts, seed);
                double[][] a = interpreted.newWorkspace(), b = generated.newWorkspace();
                interpreted.runInto(a, new double[] {1.5 + seed});
                assertTrue(generated.generateCode(), generated.generationFailure());
                generated.runInto(b, new double[] {1.5 + seed});
                for (int s = 0; s < a.length; s++) assertArrayEquals(a[s], b[s], "seed " + seed + ", parts " + parts + ", slot " + s);
            }
        }
    }

    @Test
    void aValueThatBlowsUpIsNamedAsTheInterpreterNamesIt() {
        // near the largest double, the input times a constant above one overflows
        Model interpreted = chain(12, 3), generated = chain(12, 3);
        generated.generateCode();
        NumericBlowUpException a = assertThrows(NumericBlowUpException.class, () -> interpreted.run(new double[] {1.7e308}));
        NumericBlowUpException b = assertThrows(NumericBlowUpException.class, () -> generated.run(new double[] {1.7e308}));
        assertEquals(a.getMessage(), b.getMessage());
    }
}
