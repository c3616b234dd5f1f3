package org.pressure.engine.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ObjIntConsumer;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Turns a model's parts into one class, written as bytecode straight from the formulas (with
 * ASM, in memory, in a few milliseconds): each step runs the parts in order as plain
 * arithmetic, so the JIT sees straight-line code instead of a tree of formula objects. Each
 * formula is written with exactly the interpreter's operations in the interpreter's order
 * (comparisons as {@code javac} compiles them, built-ins as calls of the same {@link Fn} and
 * {@link Functions} methods), so both give the same numbers to the last bit; each procedure (a
 * part over several slots, such as part 2's yearly budget) is called through its equation, the
 * same code the interpreter runs.
 *
 * <p>The class has a method per group of parts, run for each step in turn; each returns the
 * values it computed OR-ed together, each with one added to its exponent (negative when one is
 * not finite: see the writer's flag()), so a run needs no second pass over the store. A scratch slot whose readers are all in the method
 * that computes it is held in a local variable rather than the store.
 */
final class GeneratedCode {
    /** Most parts, and most formula nodes, per generated method, so each stays small enough for the JIT to compile. */
    private static final int PER_METHOD = 40;
    private static final int NODES_PER_METHOD = 600;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private static final String FUNCTIONS = Functions.class.getName().replace('.', '/');
    // locals of a step method: this, v, t, the flags (long), a temporary (double), then the scratch slots
    private static final int THIS = 0, STORE = 1, STEP = 2, FLAGS = 3, TEMP = 5, FIRST_LOCAL = 7;

    private GeneratedCode() {}

    /** The compiled kernel, or why there is none: the kernel is null exactly when the reason is not. */
    record Result(Kernel kernel, String reason) {}

    /** The kernel of a model, or the reason it could not be made (a formula too large for one method, say). */
    static Result compile(Formula[] formulas, int[][] outputs, int[][] reads, boolean[] local, Equation[] equations, int steps,
                          boolean[] stockInitial, Formula[] stockRates) {
        String name = "PressureKernel" + COUNTER.incrementAndGet();
        GeneratedCode.Writer fused = new GeneratedCode.Writer(name, formulas, outputs, reads, local, steps, stockInitial, stockRates,
                true);
        GeneratedCode.Writer chosen = null;
        byte[] written = null;
        try {
            byte[] b = fused.write();
            if (!fused.fusedTooLarge) {
                chosen = fused;
                written = b;
            }
        } catch (RuntimeException e) {
            // one loop past what a method may hold (64 KB): a method per group of parts instead, below
        }
        if (chosen == null) {
            // one loop would be too large for the JIT to compile: a method per group of parts, called each step
            chosen = new GeneratedCode.Writer(name, formulas, outputs, reads, local, steps, stockInitial, stockRates, false);
            try {
                written = chosen.write();
            } catch (RuntimeException e) {
                // ASM refuses a method over the JVM's 64 KB, for one: run interpreted, and say why
                return new Result(null, "the generated code could not be written: " + e);
            }
        }
        GeneratedCode.Writer w = chosen;
        byte[] bytes = written;
        try {
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
            Kernel kernel = (Kernel) type.getConstructor(ObjIntConsumer[].class, double[][].class, DoubleUnaryOperator[].class)
                    .newInstance(opaque, w.tables(), w.functions());
            return new Result(kernel, null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return new Result(null, "the generated code could not be loaded: " + e);
        }
    }

    /** Writes one kernel class. */
    private static final class Writer {
        private final String name;
        private final Formula[] formulas;
        private final int[][] outputs;
        private final int[][] reads;
        private final boolean[] local;
        private final int steps;
        private final boolean[] stockInitial;
        private final Formula[] stockRates;
        private final Numbering<double[]> tables = new Numbering<>();
        private final Numbering<DoubleUnaryOperator> functions = new Numbering<>();
        private MethodVisitor mv;
        /** The local variable holding each slot's value at the current step, in the method being written. */
        private final Map<Integer, Integer> locals = new HashMap<>();
        /** In a fused run, the locals holding each slot's value 1, 2, ... steps back (index 0 unused). */
        private final Map<Integer, int[]> earlier = new HashMap<>();

        Writer(String name, Formula[] formulas, int[][] outputs, int[][] reads, boolean[] local, int steps,
               boolean[] stockInitial, Formula[] stockRates, boolean fuse) {
            this.fuse = fuse;
            this.stockInitial = stockInitial;
            this.stockRates = stockRates;
            this.name = name;
            this.formulas = formulas;
            this.outputs = outputs;
            this.reads = reads;
            this.local = local;
            this.steps = steps;
        }

        double[][] tables() {
            return tables.items.toArray(double[][]::new);
        }

        DoubleUnaryOperator[] functions() {
            return functions.items.toArray(DoubleUnaryOperator[]::new);
        }

        byte[] write() {
            ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
            cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null, "java/lang/Object",
                    new String[] {Kernel.class.getName().replace('.', '/')});
            cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "e", "[Ljava/util/function/ObjIntConsumer;", null, null).visitEnd();
            cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "k", "[[D", null, null).visitEnd();
            cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "g", "[Ljava/util/function/DoubleUnaryOperator;", null, null)
                    .visitEnd();
            constructor(cw);
            // every part ("m" methods); and, where stocks are integrated by stages, all but their initial values ("s")
            int n = formulas.length;
            int[] all = java.util.stream.IntStream.range(0, n).toArray();
            int every = group(cw, "m", all);
            int later = every;
            if (stockRates.length > 0) {
                later = group(cw, "s", java.util.stream.IntStream.range(0, n).filter(i -> !stockInitial[i]).toArray());
            }
            if (fuse && stockRates.length == 0) {
                fusedRun(cw, all);
            } else {
                run(cw, every);
            }
            parts(cw, every, stockRates.length > 0 ? "s" : "m", later);
            rates(cw);
            cw.visitEnd();
            return cw.toByteArray();
        }

        /**
         * Writes methods {@code prefix0, prefix1, ...} that compute the given parts, in order, at one
         * step; returns how many. A new method starts after PER_METHOD parts or NODES_PER_METHOD nodes.
         */
        private int group(ClassWriter cw, String prefix, int[] parts) {
            int[] method = new int[parts.length];
            int m = 0, inMethod = 0, nodes = 0;
            for (int p = 0; p < parts.length; p++) {
                Formula f = formulas[parts[p]];
                int size = f == null ? 1 : size(f);
                if (inMethod > 0 && (inMethod >= PER_METHOD || nodes + size > NODES_PER_METHOD)) {
                    m++;
                    inMethod = 0;
                    nodes = 0;
                }
                method[p] = m;
                inMethod++;
                nodes += size;
            }
            int methods = parts.length == 0 ? 0 : m + 1;
            // a scratch slot is a local only where every part reading it is in the method computing it
            Map<Integer, Integer> writer = new HashMap<>();
            for (int p = 0; p < parts.length; p++) {
                int i = parts[p];
                if (formulas[i] != null && local[outputs[i][0]]) writer.put(outputs[i][0], method[p]);
            }
            Set<Integer> stored = new HashSet<>();
            for (int p = 0; p < parts.length; p++) {
                for (int slot : reads[parts[p]]) {
                    Integer w = writer.get(slot);
                    if (w != null && w != method[p]) stored.add(slot);
                }
            }
            for (int k = 0; k < methods; k++) {
                mv = cw.visitMethod(Opcodes.ACC_PRIVATE, prefix + k, "([[DI)J", null, null);
                mv.visitCode();
                mv.visitInsn(Opcodes.LCONST_0);
                mv.visitVarInsn(Opcodes.LSTORE, FLAGS);
                locals.clear();
                earlier.clear();
                body(parts, method, k, writer, stored, FIRST_LOCAL);
                mv.visitVarInsn(Opcodes.LLOAD, FLAGS);
                mv.visitInsn(Opcodes.LRETURN);
                mv.visitMaxs(0, 0);
                mv.visitEnd();
            }
            locals.clear();
            return methods;
        }

        /**
         * Writes the parts of method {@code k}, in order, into {@code mv}, whose locals are laid out
         * as a step method's; returns the next free local. Every value a formula computes is kept
         * in a local as well as stored (or, for a scratch slot read only here, only kept), so that
         * later parts of the same step read it from a register or the stack, not from the store:
         * the JIT cannot tell that a store to one column leaves another as it was, so it would
         * load each again.
         */
        private int body(int[] parts, int[] method, int k, Map<Integer, Integer> writer, Set<Integer> stored, int nextLocal) {
            for (int p = 0; p < parts.length; p++) {
                if (method[p] != k) continue;
                int i = parts[p];
                if (formulas[i] == null) {
                    procedure(i);
                    continue;
                }
                int slot = outputs[i][0];
                emit(formulas[i], 0);
                mv.visitVarInsn(Opcodes.DSTORE, nextLocal);
                if (!writer.containsKey(slot) || stored.contains(slot)) {
                    column(slot);
                    mv.visitVarInsn(Opcodes.ILOAD, STEP);
                    mv.visitVarInsn(Opcodes.DLOAD, nextLocal);
                    mv.visitInsn(Opcodes.DASTORE);
                }
                // a number written in the formula is finite: nothing to check
                if (!(formulas[i] instanceof Formula.Const c && Double.isFinite(c.value()))) flag(nextLocal);
                locals.put(slot, nextLocal);
                nextLocal += 2;
            }
            return nextLocal;
        }

        /** Whether to write {@code run} as one loop over the steps with every part in it (see {@link #fusedRun}). */
        private final boolean fuse;
        /** Set when that loop came out larger than {@link #FUSED_MAX_BYTES}: then write the class again without it. */
        boolean fusedTooLarge;

        /**
         * The most bytecode the fused loop may take: HotSpot does not compile a method of more than
         * 8,000 bytes (HugeMethodLimit), and a sweep's kernel left to the bytecode interpreter
         * would be many times slower than the same parts split over several methods.
         */
        private static final int FUSED_MAX_BYTES = 7_500;

        /** The deepest lag generated code keeps in locals across steps. */
        private static final int KEPT_BACK = 3;

        /**
         * {@code run(v)} as one loop over the steps with every part written out in its body, so
         * that every value of a step is a local for the rest of the step, and the values of a slot
         * at the last {@link #KEPT_BACK} steps that a lag reads are carried from one step to the
         * next in locals, as a programmer would keep last year's figures in variables, rather than
         * read back from the store. Sets {@link #fusedTooLarge} where the loop is too large for
         * the JIT (see {@link #FUSED_MAX_BYTES}).
         */
        private void fusedRun(ClassWriter cw, int[] parts) {
            // one method: every scratch slot is read only where it is computed, so each is a local
            int[] method = new int[parts.length];
            Map<Integer, Integer> writer = new HashMap<>();
            Set<Integer> computed = new HashSet<>();
            for (int p = 0; p < parts.length; p++) {
                int i = parts[p];
                if (formulas[i] == null) continue;
                computed.add(outputs[i][0]);
                if (local[outputs[i][0]]) writer.put(outputs[i][0], 0);
            }
            // how far back each slot computed here is read, up to KEPT_BACK
            Map<Integer, Integer> depth = new java.util.TreeMap<>();
            for (int p = 0; p < parts.length; p++) {
                Formula x = formulas[parts[p]];
                if (x != null) lagged(x, 0, computed, depth);
            }
            mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "run", "([[D)J", null, null);
            mv.visitCode();
            mv.visitInsn(Opcodes.LCONST_0);
            mv.visitVarInsn(Opcodes.LSTORE, FLAGS);
            // locals: first the current value of each part (as body() numbers them), then the lagged copies
            int next = FIRST_LOCAL + 2 * parts.length;
            earlier.clear();
            for (var e : depth.entrySet()) {
                int[] vars = new int[e.getValue() + 1];
                for (int b = 1; b < vars.length; b++) {
                    vars[b] = next;
                    next += 2;
                    // never read before it is set (a lag takes its initial value until then); the verifier wants a value
                    mv.visitInsn(Opcodes.DCONST_0);
                    mv.visitVarInsn(Opcodes.DSTORE, vars[b]);
                }
                earlier.put(e.getKey(), vars);
            }
            for (int var = FIRST_LOCAL; var < FIRST_LOCAL + 2 * parts.length; var += 2) {
                mv.visitInsn(Opcodes.DCONST_0);
                mv.visitVarInsn(Opcodes.DSTORE, var);
            }
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitVarInsn(Opcodes.ISTORE, STEP);
            Label test = new Label(), top = new Label();
            mv.visitJumpInsn(Opcodes.GOTO, test);
            mv.visitLabel(top);
            locals.clear();
            body(parts, method, 0, writer, Set.of(), FIRST_LOCAL);
            // shift each kept lag one step: oldest first, so each copy reads the value before it moves
            for (var e : earlier.entrySet()) {
                int[] vars = e.getValue();
                for (int b = vars.length - 1; b >= 1; b--) {
                    mv.visitVarInsn(Opcodes.DLOAD, b == 1 ? locals.get(e.getKey()) : vars[b - 1]);
                    mv.visitVarInsn(Opcodes.DSTORE, vars[b]);
                }
            }
            mv.visitIincInsn(STEP, 1);
            mv.visitLabel(test);
            mv.visitVarInsn(Opcodes.ILOAD, STEP);
            push(mv, steps);
            mv.visitJumpInsn(Opcodes.IF_ICMPLT, top);
            mv.visitVarInsn(Opcodes.LLOAD, FLAGS);
            mv.visitInsn(Opcodes.LRETURN);
            Label end = new Label();
            mv.visitLabel(end);
            fusedTooLarge = end.getOffset() > FUSED_MAX_BYTES;
            mv.visitMaxs(0, 0);
            mv.visitEnd();
            earlier.clear();
            locals.clear();
        }

        /** Notes in {@code depth} how many steps back {@code f}, read {@code back} steps back, reads each slot in {@code computed}. */
        private static void lagged(Formula f, int back, Set<Integer> computed, Map<Integer, Integer> depth) {
            if (f instanceof Formula.Slot s) {
                if (back >= 1 && back <= KEPT_BACK && computed.contains(s.slot())) depth.merge(s.slot(), back, Math::max);
            } else if (f instanceof Formula.Lag l) {
                lagged(l.initial(), back, computed, depth);
                lagged(l.x(), back + l.steps(), computed, depth);
            } else if (f instanceof Formula.Initially i) {
                lagged(i.first(), back, computed, depth);
                lagged(i.later(), back, computed, depth);
            } else if (f instanceof Formula.History h) {
                lagged(h.index(), back, computed, depth);
            } else if (f instanceof Formula.Delayed d) {
                lagged(d.steps(), back, computed, depth);
                lagged(d.initial(), back, computed, depth);
            } else if (f instanceof Formula.Unary u) {
                lagged(u.a(), back, computed, depth);
            } else if (f instanceof Formula.Binary b) {
                lagged(b.a(), back, computed, depth);
                lagged(b.b(), back, computed, depth);
            } else if (f instanceof Formula.If i) {
                lagged(i.condition(), back, computed, depth);
                lagged(i.then(), back, computed, depth);
                lagged(i.otherwise(), back, computed, depth);
            } else if (f instanceof Formula.Call c) {
                for (Formula a : c.args()) lagged(a, back, computed, depth);
            } else if (f instanceof Formula.Guard g) {
                lagged(g.x(), back, computed, depth);
                lagged(g.broken(), back, computed, depth);
            } else if (f instanceof Formula.Native n) {
                lagged(n.x(), back, computed, depth);
            }
        }

        /** {@code parts(v, t, initial)}: the "m" methods at the first step of staged stocks, else the later ones. */
        private void parts(ClassWriter cw, int every, String laterPrefix, int later) {
            MethodVisitor r = cw.visitMethod(Opcodes.ACC_PUBLIC, "parts", "([[DIZ)J", null, null);
            r.visitCode();
            Label notInitial = new Label();
            r.visitVarInsn(Opcodes.ILOAD, 3);
            r.visitJumpInsn(Opcodes.IFEQ, notInitial);
            calls(r, "m", every);
            r.visitInsn(Opcodes.LRETURN);
            r.visitLabel(notInitial);
            calls(r, laterPrefix, later);
            r.visitInsn(Opcodes.LRETURN);
            r.visitMaxs(0, 0);
            r.visitEnd();
        }

        /** Pushes the OR of the flags of methods {@code prefix0 ...} called with (v, t): v in local 1, t in local 2. */
        private void calls(MethodVisitor r, String prefix, int methods) {
            r.visitInsn(Opcodes.LCONST_0);
            for (int k = 0; k < methods; k++) {
                r.visitVarInsn(Opcodes.ALOAD, 0);
                r.visitVarInsn(Opcodes.ALOAD, 1);
                r.visitVarInsn(Opcodes.ILOAD, 2);
                r.visitMethodInsn(Opcodes.INVOKESPECIAL, name, prefix + k, "([[DI)J", false);
                r.visitInsn(Opcodes.LOR);
            }
        }

        /** {@code rates(v, t, out)}: each staged stock's rate at step t. */
        private void rates(ClassWriter cw) {
            mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "rates", "([[DI[D)V", null, null);
            mv.visitCode();
            locals.clear();
            for (int i = 0; i < stockRates.length; i++) {
                mv.visitVarInsn(Opcodes.ALOAD, 3);
                push(mv, i);
                emit(stockRates[i], 0);
                mv.visitInsn(Opcodes.DASTORE);
            }
            mv.visitInsn(Opcodes.RETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }

        private void constructor(ClassWriter cw) {
            MethodVisitor c = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>",
                    "([Ljava/util/function/ObjIntConsumer;[[D[Ljava/util/function/DoubleUnaryOperator;)V", null, null);
            c.visitCode();
            c.visitVarInsn(Opcodes.ALOAD, 0);
            c.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
            String[][] fields = {{"e", "[Ljava/util/function/ObjIntConsumer;"}, {"k", "[[D"},
                {"g", "[Ljava/util/function/DoubleUnaryOperator;"}};
            for (int f = 0; f < 3; f++) {
                c.visitVarInsn(Opcodes.ALOAD, 0);
                c.visitVarInsn(Opcodes.ALOAD, f + 1);
                c.visitFieldInsn(Opcodes.PUTFIELD, name, fields[f][0], fields[f][1]);
            }
            c.visitInsn(Opcodes.RETURN);
            c.visitMaxs(0, 0);
            c.visitEnd();
        }

        /** {@code run(v)}: every step, every method in turn, their flags OR-ed. */
        private void run(ClassWriter cw, int methods) {
            MethodVisitor r = cw.visitMethod(Opcodes.ACC_PUBLIC, "run", "([[D)J", null, null);
            r.visitCode();
            r.visitVarInsn(Opcodes.ALOAD, 1);
            r.visitVarInsn(Opcodes.ASTORE, 2);
            r.visitInsn(Opcodes.LCONST_0);
            r.visitVarInsn(Opcodes.LSTORE, 3);
            r.visitInsn(Opcodes.ICONST_0);
            r.visitVarInsn(Opcodes.ISTORE, 5);
            Label test = new Label(), body = new Label();
            r.visitJumpInsn(Opcodes.GOTO, test);
            r.visitLabel(body);
            for (int k = 0; k < methods; k++) {
                r.visitVarInsn(Opcodes.LLOAD, 3);
                r.visitVarInsn(Opcodes.ALOAD, 0);
                r.visitVarInsn(Opcodes.ALOAD, 2);
                r.visitVarInsn(Opcodes.ILOAD, 5);
                r.visitMethodInsn(Opcodes.INVOKESPECIAL, name, "m" + k, "([[DI)J", false);
                r.visitInsn(Opcodes.LOR);
                r.visitVarInsn(Opcodes.LSTORE, 3);
            }
            r.visitIincInsn(5, 1);
            r.visitLabel(test);
            r.visitVarInsn(Opcodes.ILOAD, 5);
            push(r, steps);
            r.visitJumpInsn(Opcodes.IF_ICMPLT, body);
            r.visitVarInsn(Opcodes.LLOAD, 3);
            r.visitInsn(Opcodes.LRETURN);
            r.visitMaxs(0, 0);
            r.visitEnd();
        }

        /** {@code e[i].accept(v, t)}. */
        private void procedure(int i) {
            mv.visitVarInsn(Opcodes.ALOAD, THIS);
            mv.visitFieldInsn(Opcodes.GETFIELD, name, "e", "[Ljava/util/function/ObjIntConsumer;");
            push(mv, i);
            mv.visitInsn(Opcodes.AALOAD);
            mv.visitVarInsn(Opcodes.ALOAD, STORE);
            mv.visitVarInsn(Opcodes.ILOAD, STEP);
            mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/util/function/ObjIntConsumer", "accept", "(Ljava/lang/Object;I)V",
                    true);
        }

        /**
         * {@code f |= (doubleToRawLongBits(x) & ABS) + EXPONENT_ONE} for the double in local {@code
         * var}: adding one to the exponent carries into the sign bit exactly when the exponent is
         * all ones (infinite or not a number), so the flags are negative exactly when some value
         * was not finite. Three operations a value, one fewer than shifting the exponent down.
         */
        private void flag(int var) {
            mv.visitVarInsn(Opcodes.LLOAD, FLAGS);
            mv.visitVarInsn(Opcodes.DLOAD, var);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
            mv.visitLdcInsn(Long.MAX_VALUE);
            mv.visitInsn(Opcodes.LAND);
            mv.visitLdcInsn(1L << 52);
            mv.visitInsn(Opcodes.LADD);
            mv.visitInsn(Opcodes.LOR);
            mv.visitVarInsn(Opcodes.LSTORE, FLAGS);
        }

        /** Pushes {@code v[slot]}. */
        private void column(int slot) {
            mv.visitVarInsn(Opcodes.ALOAD, STORE);
            push(mv, slot);
            mv.visitInsn(Opcodes.AALOAD);
        }

        /** Pushes the step {@code back} steps before the current one. */
        private void step(int back) {
            mv.visitVarInsn(Opcodes.ILOAD, STEP);
            if (back > 0) {
                push(mv, back);
                mv.visitInsn(Opcodes.ISUB);
            }
        }

        /** Pushes the value of {@code f} at the step {@code back} steps before the current one, as a double. */
        private void emit(Formula f, int back) {
            if (f instanceof Formula.Const c) {
                constant(c.value());
            } else if (f instanceof Formula.Slot s) {
                int[] kept = back > 0 ? earlier.get(s.slot()) : null;
                Integer var = back == 0 ? locals.get(s.slot()) : kept != null && back < kept.length ? kept[back] : null;
                if (var != null) {
                    mv.visitVarInsn(Opcodes.DLOAD, var);
                } else {
                    column(s.slot());
                    step(back);
                    mv.visitInsn(Opcodes.DALOAD);
                }
            } else if (f instanceof Formula.Step) {
                step(back);
                mv.visitInsn(Opcodes.I2D);
            } else if (f instanceof Formula.Table t) {
                int k = tables.of(t.values());
                mv.visitVarInsn(Opcodes.ALOAD, THIS);
                mv.visitFieldInsn(Opcodes.GETFIELD, name, "k", "[[D");
                push(mv, k);
                mv.visitInsn(Opcodes.AALOAD);
                step(back);
                mv.visitInsn(Opcodes.DALOAD);
            } else if (f instanceof Formula.Lag l) {
                // step < n ? initial : x, n steps back
                Label earlier = new Label(), end = new Label();
                step(back);
                push(mv, l.steps());
                mv.visitJumpInsn(Opcodes.IF_ICMPGE, earlier);
                emit(l.initial(), back);
                mv.visitJumpInsn(Opcodes.GOTO, end);
                mv.visitLabel(earlier);
                emit(l.x(), back + l.steps());
                mv.visitLabel(end);
            } else if (f instanceof Formula.Initially i) {
                Label later = new Label(), end = new Label();
                step(back);
                mv.visitJumpInsn(Opcodes.IFNE, later);
                emit(i.first(), back);
                mv.visitJumpInsn(Opcodes.GOTO, end);
                mv.visitLabel(later);
                emit(i.later(), back);
                mv.visitLabel(end);
            } else if (f instanceof Formula.History h) {
                column(h.slot());
                step(back);
                emit(h.index(), back);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, FUNCTIONS, "history", "([DID)D", false);
            } else if (f instanceof Formula.Delayed d) {
                column(d.slot());
                step(back);
                emit(d.steps(), back);
                emit(d.initial(), back);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, FUNCTIONS, "delayed", "([DIDD)D", false);
            } else if (f instanceof Formula.Unary u) {
                emit(u.a(), back);
                if (u.op() == Formula.UnaryOp.NEG) {
                    mv.visitInsn(Opcodes.DNEG);
                } else {
                    // a == 0 ? 1 : 0
                    mv.visitInsn(Opcodes.DCONST_0);
                    mv.visitInsn(Opcodes.DCMPL);
                    truth(Opcodes.IFNE);
                }
            } else if (f instanceof Formula.Binary b) {
                binary(b, back);
            } else if (f instanceof Formula.If i) {
                Label otherwise = new Label(), end = new Label();
                emit(i.condition(), back);
                mv.visitInsn(Opcodes.DCONST_0);
                mv.visitInsn(Opcodes.DCMPL);
                mv.visitJumpInsn(Opcodes.IFEQ, otherwise);
                emit(i.then(), back);
                mv.visitJumpInsn(Opcodes.GOTO, end);
                mv.visitLabel(otherwise);
                emit(i.otherwise(), back);
                mv.visitLabel(end);
            } else if (f instanceof Formula.Call c) {
                for (Formula a : c.args()) emit(a, back);
                String java = c.fn().java();
                int dot = java.lastIndexOf('.');
                String owner = java.substring(0, dot);
                if (owner.indexOf('.') < 0) owner = "java.lang." + owner;
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, owner.replace('.', '/'), java.substring(dot + 1),
                        c.fn().arity() == 1 ? "(D)D" : "(DD)D", false);
            } else if (f instanceof Formula.Guard g) {
                emit(g.x(), back);
                emit(g.broken(), back);
                push(mv, g.code());
                step(back);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, FUNCTIONS, "guard", "(DDII)D", false);
            } else {
                Formula.Native nat = (Formula.Native) f;
                int g = functions.of(nat.function());
                mv.visitVarInsn(Opcodes.ALOAD, THIS);
                mv.visitFieldInsn(Opcodes.GETFIELD, name, "g", "[Ljava/util/function/DoubleUnaryOperator;");
                push(mv, g);
                mv.visitInsn(Opcodes.AALOAD);
                emit(nat.x(), back);
                mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/util/function/DoubleUnaryOperator", "applyAsDouble",
                        "(D)D", true);
            }
        }

        private void binary(Formula.Binary b, int back) {
            switch (b.op()) {
                case AND, OR -> {
                    // a != 0 && b != 0 ? 1 : 0, and a != 0 || b != 0 ? 1 : 0, short-circuited
                    Label no = new Label(), yes = new Label(), end = new Label();
                    emit(b.a(), back);
                    mv.visitInsn(Opcodes.DCONST_0);
                    mv.visitInsn(Opcodes.DCMPL);
                    mv.visitJumpInsn(b.op() == Formula.BinaryOp.AND ? Opcodes.IFEQ : Opcodes.IFNE,
                            b.op() == Formula.BinaryOp.AND ? no : yes);
                    emit(b.b(), back);
                    mv.visitInsn(Opcodes.DCONST_0);
                    mv.visitInsn(Opcodes.DCMPL);
                    mv.visitJumpInsn(Opcodes.IFEQ, no);
                    mv.visitLabel(yes);
                    mv.visitInsn(Opcodes.DCONST_1);
                    mv.visitJumpInsn(Opcodes.GOTO, end);
                    mv.visitLabel(no);
                    mv.visitInsn(Opcodes.DCONST_0);
                    mv.visitLabel(end);
                    return;
                }
                default -> { }
            }
            emit(b.a(), back);
            emit(b.b(), back);
            switch (b.op()) {
                case ADD -> mv.visitInsn(Opcodes.DADD);
                case SUB -> mv.visitInsn(Opcodes.DSUB);
                case MUL -> mv.visitInsn(Opcodes.DMUL);
                case DIV -> mv.visitInsn(Opcodes.DDIV);
                case POW -> mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Math", "pow", "(DD)D", false);
                // comparisons as javac compiles them: NaN makes each false but !=
                case LT -> compare(Opcodes.DCMPG, Opcodes.IFGE);
                case LE -> compare(Opcodes.DCMPG, Opcodes.IFGT);
                case GT -> compare(Opcodes.DCMPL, Opcodes.IFLE);
                case GE -> compare(Opcodes.DCMPL, Opcodes.IFLT);
                case EQ -> compare(Opcodes.DCMPL, Opcodes.IFNE);
                case NE -> compare(Opcodes.DCMPL, Opcodes.IFEQ);
                default -> throw new IllegalStateException(b.op().toString());
            }
        }

        private void compare(int cmp, int jumpIfFalse) {
            mv.visitInsn(cmp);
            truth(jumpIfFalse);
        }

        /** 1.0, or 0.0 where the int on the stack makes {@code jumpIfFalse} jump. */
        private void truth(int jumpIfFalse) {
            Label no = new Label(), end = new Label();
            mv.visitJumpInsn(jumpIfFalse, no);
            mv.visitInsn(Opcodes.DCONST_1);
            mv.visitJumpInsn(Opcodes.GOTO, end);
            mv.visitLabel(no);
            mv.visitInsn(Opcodes.DCONST_0);
            mv.visitLabel(end);
        }

        private void constant(double x) {
            if (Double.doubleToRawLongBits(x) == 0L) {
                mv.visitInsn(Opcodes.DCONST_0);
            } else if (x == 1.0) {
                mv.visitInsn(Opcodes.DCONST_1);
            } else {
                mv.visitLdcInsn(x);
            }
        }

        private static void push(MethodVisitor mv, int x) {
            if (x >= -1 && x <= 5) {
                mv.visitInsn(Opcodes.ICONST_0 + x);
            } else if (x >= Byte.MIN_VALUE && x <= Byte.MAX_VALUE) {
                mv.visitIntInsn(Opcodes.BIPUSH, x);
            } else if (x >= Short.MIN_VALUE && x <= Short.MAX_VALUE) {
                mv.visitIntInsn(Opcodes.SIPUSH, x);
            } else {
                mv.visitLdcInsn(x);
            }
        }
    }

    /** Objects numbered by identity in the order first met: the tables and functions a kernel's fields hold. */
    private static final class Numbering<T> {
        private final Map<T, Integer> ids = new IdentityHashMap<>();
        final List<T> items = new ArrayList<>();

        int of(T x) {
            return ids.computeIfAbsent(x, y -> {
                items.add(y);
                return items.size() - 1;
            });
        }
    }

    /** The number of nodes of a formula, to keep generated methods small. */
    static int size(Formula f) {
        if (f instanceof Formula.Lag l) return 1 + size(l.x()) + size(l.initial());
        if (f instanceof Formula.Initially i) return 1 + size(i.first()) + size(i.later());
        if (f instanceof Formula.History h) return 1 + size(h.index());
        if (f instanceof Formula.Delayed d) return 1 + size(d.steps()) + size(d.initial());
        if (f instanceof Formula.Unary u) return 1 + size(u.a());
        if (f instanceof Formula.Binary b) return 1 + size(b.a()) + size(b.b());
        if (f instanceof Formula.If i) return 1 + size(i.condition()) + size(i.then()) + size(i.otherwise());
        if (f instanceof Formula.Call c) return 1 + c.args().stream().mapToInt(GeneratedCode::size).sum();
        if (f instanceof Formula.Guard g) return 1 + size(g.x()) + size(g.broken());
        if (f instanceof Formula.Native n) return 1 + size(n.x());
        return 1;
    }
}
