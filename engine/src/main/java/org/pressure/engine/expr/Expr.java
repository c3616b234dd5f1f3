package org.pressure.engine.expr;

import java.util.List;

/** The syntax tree of an expression. {@code offset} is the character position in the source text. */
public sealed interface Expr {
    int offset();

    record Num(double value, int offset) implements Expr {}

    record Name(String name, int offset) implements Expr {}

    record Call(String function, List<Expr> args, int offset) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    record Unary(String op, Expr operand, int offset) implements Expr {}

    record Binary(String op, Expr left, Expr right, int offset) implements Expr {}
}
