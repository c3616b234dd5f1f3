package org.pressure.engine.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recursive-descent parser for expressions:
 * <pre>
 *   or     := and ('or' and)*
 *   and    := not ('and' not)*
 *   not    := 'not' not | cmp
 *   cmp    := sum (('&lt;' | '&lt;=' | '&gt;' | '&gt;=' | '=' | '&lt;&gt;') sum)*
 *   sum    := term (('+' | '-') term)*
 *   term   := unary (('*' | '/' | 'mod') unary)*
 *   unary  := ('-' | '+') unary | power
 *   power  := atom ('^' unary)?          right-associative; -2^2 = -(2^2)
 *   atom   := number ['%'] | name ['(' args ')'] | '(' or ')'
 *           | 'if' or 'then' or 'else' or      (XMILE's conditional; same as if(c, a, b))
 * </pre>
 * Names may contain dots ({@code care.cost}), may be written in double quotes when they hold
 * other characters ({@code "Flow w/ division"}), and may carry one subscript
 * ({@code rate[north]}), which is kept as part of the name for the model to resolve.
 * Keywords are case-insensitive; {@code a mod b} is the call {@code mod(a, b)}.
 */
public final class Parser {
    /** Deepest nesting accepted, so that hostile input cannot exhaust the stack. */
    public static final int MAX_DEPTH = 200;
    /** Longest expression accepted, in characters. */
    public static final int MAX_LENGTH = 10_000;
    /**
     * Deepest expression tree accepted: a chain of operators ({@code 1 + 1 + ... + 1}) deepens
     * the tree by one per operator without any bracket, and everything that walks the tree
     * (compiling, generated code) recurses over it.
     */
    public static final int MAX_TREE_DEPTH = 500;

    private final String src;
    private int pos;
    private int depth;

    private Parser(String src) {
        this.src = src;
    }

    /** Parses a whole expression, or throws {@link ExpressionException} at the offending character. */
    public static Expr parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new ExpressionException(0, "expression is " + text.length() + " characters long; the limit is " + MAX_LENGTH);
        }
        Parser p = new Parser(text);
        p.skipSpace();
        if (p.pos >= text.length()) throw new ExpressionException(0, "empty expression");
        Expr e = p.or();
        p.skipSpace();
        if (p.pos < text.length()) {
            char c = text.charAt(p.pos);
            if (Character.isLetter(c) || c == '_' || c == '"') {
                throw new ExpressionException(p.pos, "unexpected `" + c + "`: two names in a row (a name with spaces"
                        + " is written with underscores or in double quotes)" + p.hint());
            }
            throw new ExpressionException(p.pos, "unexpected `" + c + "`" + p.hint());
        }
        if (treeDepth(e) > MAX_TREE_DEPTH) {
            throw new ExpressionException(0, "more than " + MAX_TREE_DEPTH + " operators in a chain; split the "
                    + "expression over several drivers");
        }
        return e;
    }

    /** The depth of a tree, counted without recursion (so a deep tree cannot overflow the stack here). */
    public static int treeDepth(Expr root) {
        java.util.ArrayDeque<Expr> nodes = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Integer> depths = new java.util.ArrayDeque<>();
        nodes.push(root);
        depths.push(1);
        int max = 0;
        while (!nodes.isEmpty()) {
            Expr e = nodes.pop();
            int d = depths.pop();
            max = Math.max(max, d);
            if (max > MAX_TREE_DEPTH) return max;
            if (e instanceof Expr.Unary u) {
                nodes.push(u.operand());
                depths.push(d + 1);
            } else if (e instanceof Expr.Binary b) {
                nodes.push(b.left());
                depths.push(d + 1);
                nodes.push(b.right());
                depths.push(d + 1);
            } else if (e instanceof Expr.Call c) {
                for (Expr a : c.args()) {
                    nodes.push(a);
                    depths.push(d + 1);
                }
            }
        }
        return max;
    }

    private String hint() {
        return "; expected an operator (+ - * / ^ < <= > >= = <> and or) or the end";
    }

    private Expr or() {
        Expr left = and();
        while (keyword("or")) {
            int at = pos - 2;
            left = new Expr.Binary("or", left, and(), at);
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (keyword("and")) {
            int at = pos - 3;
            left = new Expr.Binary("and", left, not(), at);
        }
        return left;
    }

    private Expr not() {
        int at = pos;
        if (keyword("not")) {
            enter(at);
            Expr e = new Expr.Unary("not", not(), at);
            depth--;
            return e;
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = sum();
        while (true) {
            skipSpace();
            int at = pos;
            String op = null;
            for (String candidate : new String[] {"<=", ">=", "<>", "!=", "==", "<", ">", "="}) {
                if (src.startsWith(candidate, pos)) {
                    op = candidate;
                    break;
                }
            }
            if (op == null) return left;
            pos += op.length();
            String normal = switch (op) {
                case "!=" -> "<>";
                case "==" -> "=";
                default -> op;
            };
            left = new Expr.Binary(normal, left, sum(), at);
        }
    }

    private Expr sum() {
        Expr left = term();
        while (true) {
            skipSpace();
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                int at = pos;
                String op = String.valueOf(src.charAt(pos++));
                left = new Expr.Binary(op, left, term(), at);
            } else {
                return left;
            }
        }
    }

    private Expr term() {
        Expr left = unary();
        while (true) {
            skipSpace();
            if (pos < src.length() && (src.charAt(pos) == '*' || src.charAt(pos) == '/')) {
                int at = pos;
                String op = String.valueOf(src.charAt(pos++));
                left = new Expr.Binary(op, left, unary(), at);
            } else {
                int at = pos;
                if (!keyword("mod")) return left;
                left = new Expr.Call("mod", List.of(left, unary()), at);
            }
        }
    }

    private Expr unary() {
        skipSpace();
        if (pos < src.length() && (src.charAt(pos) == '-' || src.charAt(pos) == '+')) {
            int at = pos;
            String op = String.valueOf(src.charAt(pos++));
            enter(at);
            Expr operand = unary();
            depth--;
            return new Expr.Unary(op, operand, at);
        }
        return power();
    }

    private Expr power() {
        Expr base = atom();
        skipSpace();
        if (pos < src.length() && src.charAt(pos) == '^') {
            int at = pos++;
            enter(at);
            Expr exponent = unary();
            depth--;
            return new Expr.Binary("^", base, exponent, at);
        }
        return base;
    }

    private Expr atom() {
        skipSpace();
        if (pos >= src.length()) throw new ExpressionException(pos, "the expression ends too early; expected a number, a name or `(`");
        char c = src.charAt(pos);
        int at = pos;
        if (c == '(') {
            pos++;
            enter(at);
            Expr inner = or();
            depth--;
            expect(')', "to close the `(` at character " + (at + 1));
            return inner;
        }
        if (Character.isDigit(c) || c == '.') return number();
        if (c == '"') return new Expr.Name(quotedName(), at);
        if (keywordAhead("if")) {
            Expr conditional = conditional();
            if (conditional != null) return conditional;
        }
        if (Character.isLetter(c) || c == '_') {
            String name = name();
            skipSpace();
            if (pos < src.length() && src.charAt(pos) == '(') {
                pos++;
                enter(at);
                List<Expr> args = new ArrayList<>();
                skipSpace();
                if (pos < src.length() && src.charAt(pos) == ')') {
                    pos++;
                } else {
                    do {
                        args.add(or());
                        skipSpace();
                    } while (pos < src.length() && src.charAt(pos) == ',' && ++pos > 0);
                    expect(')', "to close the argument list of `" + name + "(`");
                }
                depth--;
                return new Expr.Call(name.toLowerCase(Locale.ROOT), args, at);
            }
            if (pos < src.length() && src.charAt(pos) == '[') name += subscript();
            return new Expr.Name(name, at);
        }
        throw new ExpressionException(pos, "unexpected `" + c + "`; expected a number, a name or `(`");
    }

    /**
     * {@code IF c THEN a ELSE b}, or null (and nothing consumed) when the {@code if} here is not
     * followed by {@code then}, as in the call {@code if(c, a, b)}.
     */
    private Expr conditional() {
        int start = pos, savedDepth = depth;
        keyword("if");
        try {
            enter(start);
            Expr condition = or();
            if (!keyword("then")) {
                pos = start;
                depth = savedDepth;
                return null;
            }
            Expr then = or();
            if (!keyword("else")) throw new ExpressionException(pos, "expected `ELSE` to finish the `IF` at character " + (start + 1));
            Expr otherwise = or();
            depth = savedDepth;
            return new Expr.Call("if", List.of(condition, then, otherwise), start);
        } catch (ExpressionException e) {
            if (e.getMessage().startsWith("expected `ELSE`") || e.getMessage().startsWith("nested more")) throw e;
            pos = start;
            depth = savedDepth;
            return null;
        }
    }

    /** A name in double quotes; a doubled or backslashed quote stands for itself. */
    private String quotedName() {
        int start = pos++;
        StringBuilder name = new StringBuilder();
        while (pos < src.length()) {
            char ch = src.charAt(pos++);
            if (ch == '\\' && pos < src.length()) {
                name.append(src.charAt(pos++));
            } else if (ch == '"') {
                if (pos < src.length() && src.charAt(pos) == '"') {
                    name.append('"');
                    pos++;
                } else {
                    if (pos < src.length() && src.charAt(pos) == '[') name.append(subscript());
                    return name.toString();
                }
            } else {
                name.append(ch);
            }
        }
        throw new ExpressionException(start, "the quoted name starting here has no closing `\"`");
    }

    /** {@code [index, ...]} after a name, kept as text. */
    private String subscript() {
        int start = pos;
        int close = src.indexOf(']', pos);
        if (close < 0) throw new ExpressionException(start, "expected `]` to close the subscript");
        pos = close + 1;
        return src.substring(start, pos);
    }

    private boolean keywordAhead(String word) {
        int save = pos;
        boolean found = keyword(word);
        pos = save;
        return found;
    }

    private Expr number() {
        int start = pos;
        while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) pos++;
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) pos++;
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
            } else {
                pos = save;
            }
        }
        String text = src.substring(start, pos);
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ExpressionException(start, "`" + text + "` is not a number");
        }
        if (pos < src.length() && src.charAt(pos) == '%') {
            pos++;
            v = org.pressure.engine.scenario.Numbers.percent(text);
        }
        if (pos < src.length() && (Character.isLetter(src.charAt(pos)) || src.charAt(pos) == '_')) {
            throw new ExpressionException(pos, "a number runs into a name here; put an operator between them");
        }
        return new Expr.Num(v, start);
    }

    private String name() {
        int start = pos;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '_') {
                pos++;
            } else if (c == '.' && pos + 1 < src.length()
                    && (Character.isLetter(src.charAt(pos + 1)) || src.charAt(pos + 1) == '_')) {
                pos++;
            } else {
                break;
            }
        }
        return src.substring(start, pos);
    }

    private boolean keyword(String word) {
        skipSpace();
        int end = pos + word.length();
        if (end <= src.length() && src.regionMatches(true, pos, word, 0, word.length())
                && (end == src.length() || !(Character.isLetterOrDigit(src.charAt(end)) || src.charAt(end) == '_'))) {
            pos = end;
            return true;
        }
        return false;
    }

    private void expect(char c, String why) {
        skipSpace();
        if (pos >= src.length() || src.charAt(pos) != c) {
            throw new ExpressionException(pos, "expected `" + c + "` " + why);
        }
        pos++;
    }

    private void enter(int at) {
        if (++depth > MAX_DEPTH) throw new ExpressionException(at, "nested more than " + MAX_DEPTH + " levels deep");
    }

    private void skipSpace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++;
    }
}
