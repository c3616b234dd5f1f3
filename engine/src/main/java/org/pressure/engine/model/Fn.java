package org.pressure.engine.model;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A built-in function of one or two numbers, in both its forms: the operation the interpreter
 * calls, and the public static Java method generated code calls ({@code java}, such as
 * {@code Math.abs}), which must compute the same thing. Made only through {@link #unary} and
 * {@link #binary}, so neither form can be missing; a test checks that the two agree for every
 * function of the built-in table.
 */
public record Fn(String name, String java, DoubleUnaryOperator unary, DoubleBinaryOperator binary) {

    public Fn {
        if ((unary == null) == (binary == null)) throw new IllegalArgumentException(name + ": one operation");
        if (java == null || java.isBlank()) throw new IllegalArgumentException(name + ": no Java form");
    }

    /** The functions the engine itself writes into formulas. */
    public static final Fn MIN = binary("min", "Math.min", Math::min);
    public static final Fn MAX = binary("max", "Math.max", Math::max);
    public static final Fn SATURATE = binary("saturate", Functions.class.getName() + ".saturate", Functions::saturate);

    public static Fn unary(String name, String java, DoubleUnaryOperator op) {
        return new Fn(name, java, op, null);
    }

    public static Fn binary(String name, String java, DoubleBinaryOperator op) {
        return new Fn(name, java, null, op);
    }

    public int arity() {
        return unary != null ? 1 : 2;
    }

    /** The value for the given arguments, as the interpreter works it out. */
    public double apply(double... args) {
        return unary != null ? unary.applyAsDouble(args[0]) : binary.applyAsDouble(args[0], args[1]);
    }
}
