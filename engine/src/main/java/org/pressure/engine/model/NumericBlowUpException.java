package org.pressure.engine.model;

/** A value became infinite or not a number during a run. */
public class NumericBlowUpException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String variable;
    private final int step;
    private final double time;
    private final boolean notANumber;

    public NumericBlowUpException(String variable, int step, double time, boolean notANumber) {
        super(variable + (notANumber ? " became not a number" : " became infinite") + " at time " + time);
        this.variable = variable;
        this.step = step;
        this.time = time;
        this.notANumber = notANumber;
    }

    public String variable() {
        return variable;
    }

    public int step() {
        return step;
    }

    public double time() {
        return time;
    }

    public boolean notANumber() {
        return notANumber;
    }
}
