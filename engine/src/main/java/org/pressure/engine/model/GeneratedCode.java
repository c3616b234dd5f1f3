package org.pressure.engine.model;

import java.util.ArrayList;
import java.util.Locale;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ObjIntConsumer;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Turns a model's parts into one Java class, compiled in memory with the JDK's compiler:
 * each step runs the parts' statements in order as plain code, so the JIT sees straight-line
 * arithmetic instead of a tree of formula objects. Each formula part is written out by
 * {@link JavaSource}; each procedure (a part over several slots, such as a year's budget) is
 * called through its equation, the same code the interpreter runs. Gives exactly the same
 * numbers as the interpreter: the statements are the same operations in the same order.
 */
final class GeneratedCode {
    /** Statements per generated method, so each stays small enough for the JIT to compile. */
    private static final int PER_METHOD = 40;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private GeneratedCode() {}

    /** The compiled kernel, or why there is none: the kernel is null exactly when the reason is not. */
    record Result(ToLongFunction<double[][]> kernel, String reason) {}

    /** The compiled kernel, or the reason it could not be made (no compiler, code that does not compile). */
    static Result compile(Formula[] formulas, int[][] outputs, int[][] reads, boolean[] local, Equation[] equations, int steps) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) return new Result(null, "this Java runtime has no compiler (a JRE rather than a JDK)");
        String name = "PressureKernel" + COUNTER.incrementAndGet();
        JavaSource java = new JavaSource();
        String source = source(name, formulas, outputs, reads, local, steps, java);
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        try (StandardJavaFileManager standard = javac.getStandardFileManager(null, null, null);
             var files = new ForwardingJavaFileManager<StandardJavaFileManager>(standard) {
                 @Override
                 public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                            FileObject sibling) {
                     return new SimpleJavaFileObject(URI.create("mem:///" + className + ".class"), kind) {
                         @Override
                         public OutputStream openOutputStream() {
                             return classes.computeIfAbsent(className, c -> new ByteArrayOutputStream());
                         }
                     };
                 }
             }) {
            JavaFileObject unit = new SimpleJavaFileObject(URI.create("mem:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            };
            List<String> errors = new ArrayList<>();
            boolean ok = javac.getTask(null, files, d -> {
                if (d.getKind() == javax.tools.Diagnostic.Kind.ERROR && errors.size() < 3) {
                    errors.add("line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
                }
            }, List.of("-proc:none", "-g:none"), null, List.of(unit)).call();
            if (!ok) return new Result(null, "the generated code did not compile: " + String.join("; ", errors));
            byte[] bytes = classes.get(name).toByteArray();
            Class<?> type = new ClassLoader(GeneratedCode.class.getClassLoader()) {
                Class<?> define() {
                    return defineClass(name, bytes, 0, bytes.length);
                }
            }.define();
            @SuppressWarnings("unchecked")
            ObjIntConsumer<double[][]>[] opaque = new ObjIntConsumer[equations.length];
            for (int i = 0; i < equations.length; i++) {
                Equation e = equations[i];
                opaque[i] = e::compute;
            }
            @SuppressWarnings("unchecked")
            ToLongFunction<double[][]> kernel = (ToLongFunction<double[][]>) type
                    .getConstructor(ObjIntConsumer[].class, double[][].class, DoubleUnaryOperator[].class)
                    .newInstance(opaque, java.tables(), java.functions());
            return new Result(kernel, null);
        } catch (Exception | LinkageError e) {
            return new Result(null, "the generated code could not be loaded: " + e);
        }
    }

    /**
     * The source of the kernel: a method per {@link #PER_METHOD} parts, run for each step in turn,
     * each returning the exponent flags of the values it computed (bit 11 set when one is not
     * finite), so that no second pass over the store is needed. A scratch slot whose same-step
     * readers are all in the method that computes it lives in a local variable.
     */
    static String source(String name, Formula[] formulas, int[][] outputs, int[][] reads, boolean[] local, int steps,
                         JavaSource code) {
        int methods = (formulas.length + PER_METHOD - 1) / PER_METHOD;
        // the method of the writer of each slot, and whether a reader elsewhere rules a local out
        java.util.Map<Integer, Integer> writer = new HashMap<>();
        for (int i = 0; i < formulas.length; i++) {
            if (formulas[i] != null && local[outputs[i][0]]) writer.put(outputs[i][0], i / PER_METHOD);
        }
        java.util.Set<Integer> stored = new java.util.HashSet<>();
        for (int j = 0; j < formulas.length; j++) {
            for (int slot : reads[j]) {
                Integer m = writer.get(slot);
                if (m != null && m != j / PER_METHOD) stored.add(slot);
            }
        }
        StringBuilder s = new StringBuilder();
        s.append("@SuppressWarnings(\"all\")\npublic final class ").append(name)
                .append(" implements java.util.function.ToLongFunction<double[][]> {\n")
                .append("  private final java.util.function.ObjIntConsumer<double[][]>[] e;\n")
                .append("  private final double[][] k;\n")
                .append("  private final java.util.function.DoubleUnaryOperator[] g;\n")
                .append("  public ").append(name).append("(java.util.function.ObjIntConsumer<double[][]>[] e, double[][] k,")
                .append(" java.util.function.DoubleUnaryOperator[] g) {\n")
                .append("    this.e = e;\n    this.k = k;\n    this.g = g;\n  }\n")
                .append("  /** 0x800 when x is infinite or not a number: its eleven exponent bits are all ones. */\n")
                .append("  private static long nf(double x) {\n")
                .append("    return ((Double.doubleToRawLongBits(x) >>> 52) & 0x7FFL) + 1;\n  }\n");
        s.append("  public long applyAsLong(double[][] v) {\n    long f = 0;\n    for (int t = 0; t < ").append(steps)
                .append("; t++) {\n");
        for (int m = 0; m < methods; m++) s.append("      f |= m").append(m).append("(v, t);\n");
        s.append("    }\n    return f;\n  }\n");
        for (int m = 0; m < methods; m++) {
            s.append("  private long m").append(m).append("(double[][] v, int t) {\n    long f = 0;\n    double x;\n");
            java.util.Set<Integer> locals = new java.util.HashSet<>();
            for (int i = m * PER_METHOD; i < Math.min(formulas.length, (m + 1) * PER_METHOD); i++) {
                s.append("    ");
                if (formulas[i] == null) {
                    s.append("e[").append(i).append("].accept(v, t);\n");
                    continue;
                }
                int slot = outputs[i][0];
                code.locals(locals);
                String value = code.at(formulas[i], "t");
                if (writer.containsKey(slot) && !stored.contains(slot)) {
                    String l = JavaSource.local(slot);
                    s.append("double ").append(l).append(" = ").append(value).append("; f |= nf(").append(l).append(");\n");
                    locals.add(slot);
                } else {
                    s.append("x = ").append(value).append("; v[").append(slot).append("][t] = x; f |= nf(x);\n");
                }
            }
            s.append("    return f;\n  }\n");
        }
        code.locals(java.util.Set.of());
        return s.append("}\n").toString();
    }
}
