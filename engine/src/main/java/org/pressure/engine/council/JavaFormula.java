package org.pressure.engine.council;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.pressure.engine.expr.Expr;
import org.pressure.engine.model.JavaCode;

/**
 * An expression's Java form for generated code, with exactly the operations, in the same order,
 * that the interpreter's formula performs (expr.Compiler). Returns null for anything it does
 * not cover (stateful built-ins, for example); the part is then run by the interpreter.
 */
final class JavaFormula {
    private JavaFormula() {}

    /** @param names the Java form of each name, or null if it has none */
    static JavaCode of(Expr e, Function<String, JavaCode> names) {
        if (e instanceof Expr.Num n) return JavaCode.constant(n.value());
        if (e instanceof Expr.Name n) {
            JavaCode c = names.apply(n.name());
            if (c == null && n.name().equalsIgnoreCase("pi")) return JavaCode.constant(Math.PI);
            return c;
        }
        if (e instanceof Expr.Unary u) {
            JavaCode a = of(u.operand(), names);
            if (a == null) return null;
            return switch (u.op()) {
                case "-" -> s -> "(-" + a.at(s) + ")";
                case "+" -> a;
                case "not" -> s -> "(" + a.at(s) + " == 0 ? 1.0 : 0.0)";
                default -> null;
            };
        }
        if (e instanceof Expr.Binary b) {
            JavaCode x = of(b.left(), names), y = of(b.right(), names);
            if (x == null || y == null) return null;
            return switch (b.op()) {
                case "+", "-", "*", "/" -> s -> "(" + x.at(s) + " " + b.op() + " " + y.at(s) + ")";
                case "^" -> s -> "Math.pow(" + x.at(s) + ", " + y.at(s) + ")";
                case "<", "<=", ">", ">=" -> s -> "(" + x.at(s) + " " + b.op() + " " + y.at(s) + " ? 1.0 : 0.0)";
                case "=" -> s -> "(" + x.at(s) + " == " + y.at(s) + " ? 1.0 : 0.0)";
                case "<>" -> s -> "(" + x.at(s) + " != " + y.at(s) + " ? 1.0 : 0.0)";
                case "and" -> s -> "(" + x.at(s) + " != 0 && " + y.at(s) + " != 0 ? 1.0 : 0.0)";
                case "or" -> s -> "(" + x.at(s) + " != 0 || " + y.at(s) + " != 0 ? 1.0 : 0.0)";
                default -> null;
            };
        }
        Expr.Call c = (Expr.Call) e;
        List<JavaCode> args = new ArrayList<>();
        for (Expr a : c.args()) {
            JavaCode j = of(a, names);
            if (j == null) return null;
            args.add(j);
        }
        int n = args.size();
        String math = switch (c.function()) {
            case "abs" -> "Math.abs";
            case "exp" -> "Math.exp";
            case "ln" -> "Math.log";
            case "log10" -> "Math.log10";
            case "sqrt" -> "Math.sqrt";
            case "sin" -> "Math.sin";
            case "cos" -> "Math.cos";
            case "tan" -> "Math.tan";
            case "floor" -> "Math.floor";
            case "round" -> "round";
            default -> null;
        };
        if (math != null && n == 1) return s -> math + "(" + args.get(0).at(s) + ")";
        switch (c.function()) {
            case "pi" -> {
                return n == 0 ? JavaCode.constant(Math.PI) : null;
            }
            case "min", "max" -> {
                if (n == 0) return null;
                String op = "Math." + c.function();
                return s -> {
                    String r = args.get(0).at(s);
                    for (int i = 1; i < n; i++) r = op + "(" + r + ", " + args.get(i).at(s) + ")";
                    return r;
                };
            }
            case "if" -> {
                if (n != 3) return null;
                return s -> "(" + args.get(0).at(s) + " != 0 ? " + args.get(1).at(s) + " : " + args.get(2).at(s) + ")";
            }
            case "previous" -> {
                if (n < 1 || n > 2) return null;
                JavaCode x = args.get(0);
                JavaCode init = n == 2 ? args.get(1) : JavaCode.constant(0);
                return s -> "(" + s + " == 0 ? " + init.at(s) + " : " + x.at("(" + s + " - 1)") + ")";
            }
            default -> {
                return null;
            }
        }
    }
}
