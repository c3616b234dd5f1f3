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
import java.util.function.Consumer;
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
    record Result(Consumer<double[][]> kernel, String reason) {}

    /** The compiled kernel, or the reason it could not be made (no compiler, code that does not compile). */
    static Result compile(Formula[] formulas, int[][] outputs, Equation[] equations, int steps) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) return new Result(null, "this Java runtime has no compiler (a JRE rather than a JDK)");
        String name = "PressureKernel" + COUNTER.incrementAndGet();
        JavaSource java = new JavaSource();
        String source = source(name, formulas, outputs, steps, java);
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
            Consumer<double[][]> kernel = (Consumer<double[][]>) type
                    .getConstructor(ObjIntConsumer[].class, double[][].class, DoubleUnaryOperator[].class)
                    .newInstance(opaque, java.tables(), java.functions());
            return new Result(kernel, null);
        } catch (Exception | LinkageError e) {
            return new Result(null, "the generated code could not be loaded: " + e);
        }
    }

    static String source(String name, Formula[] formulas, int[][] outputs, int steps, JavaSource java) {
        StringBuilder s = new StringBuilder();
        s.append("@SuppressWarnings(\"all\")\npublic final class ").append(name)
                .append(" implements java.util.function.Consumer<double[][]> {\n")
                .append("  private final java.util.function.ObjIntConsumer<double[][]>[] e;\n")
                .append("  private final double[][] k;\n")
                .append("  private final java.util.function.DoubleUnaryOperator[] g;\n")
                .append("  public ").append(name).append("(java.util.function.ObjIntConsumer<double[][]>[] e, double[][] k,")
                .append(" java.util.function.DoubleUnaryOperator[] g) {\n")
                .append("    this.e = e;\n    this.k = k;\n    this.g = g;\n  }\n");
        int methods = (formulas.length + PER_METHOD - 1) / PER_METHOD;
        s.append("  public void accept(double[][] v) {\n    for (int t = 0; t < ").append(steps).append("; t++) {\n");
        for (int m = 0; m < methods; m++) s.append("      m").append(m).append("(v, t);\n");
        s.append("    }\n  }\n");
        for (int m = 0; m < methods; m++) {
            s.append("  private void m").append(m).append("(double[][] v, int t) {\n");
            for (int i = m * PER_METHOD; i < Math.min(formulas.length, (m + 1) * PER_METHOD); i++) {
                s.append("    ");
                if (formulas[i] != null) {
                    s.append("v[").append(outputs[i][0]).append("][t] = ").append(java.at(formulas[i], "t")).append(';');
                } else {
                    s.append("e[").append(i).append("].accept(v, t);");
                }
                s.append('\n');
            }
            s.append("  }\n");
        }
        return s.append("}\n").toString();
    }
}
