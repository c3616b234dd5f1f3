package org.pressure.engine.expr;

/** A problem in an expression, at a character offset of its text. */
public class ExpressionException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int offset;

    public ExpressionException(int offset, String message) {
        super(message);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
