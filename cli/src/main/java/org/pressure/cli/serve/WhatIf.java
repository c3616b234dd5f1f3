package org.pressure.cli.serve;

import org.pressure.engine.council.Columns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.pressure.cli.chart.Theme;
import org.pressure.engine.council.CompiledScenario;
import org.pressure.engine.council.CouncilCompiler;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.Indicator;
import org.pressure.engine.council.ResultsWriter;
import org.pressure.engine.council.Scenario;
import org.pressure.engine.council.ScenarioParser;
import org.pressure.engine.council.Scenarios;
import org.pressure.engine.council.Service;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.Problem;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.diagnostics.Warnings;
import org.pressure.engine.scenario.Node;
import org.pressure.engine.scenario.Numbers;
import org.pressure.engine.scenario.Overrides;

/**
 * A scenario with its levers, read once: runs it with lever values given as {@code --set}
 * text, and turns a run into what the what-if page draws. The scenario file (and the files it
 * names) are the only files read; a lever value must be a number, so nothing sent by a page can
 * name another file or become an expression.
 */
public final class WhatIf {
    /** The longest lever value accepted, in characters. */
    static final int MAX_VALUE_CHARS = 40;
    private static final Pattern AGENCY_COST = Pattern.compile("agency\\.[A-Za-z0-9_]+\\.cost");

    private final Path file;
    private final Node tree;
    private final List<Lever> levers;
    private final Map<String, Lever> byPath;
    private final CouncilResult baseline;
    private final List<String> notes;
    /**
     * The scenario compiled once with every lever that can be an input bound as one (a slider
     * move is then a run with other input values, not a compile), and each such lever's input
     * index; a lever that cannot be an input is run by compiling the variant, as before.
     */
    private final CompiledScenario inputs;
    private final Map<String, Integer> inputIndex;

    private WhatIf(Path file, Node tree, List<Lever> levers, CouncilResult baseline, List<String> notes, boolean bind) {
        this.notes = List.copyOf(notes);
        this.file = file;
        this.tree = tree;
        this.levers = List.copyOf(levers);
        this.byPath = Levers.byPath(levers);
        this.baseline = baseline;
        this.inputIndex = new LinkedHashMap<>();
        this.inputs = bind ? bind(file, tree, this.levers, inputIndex) : null;
    }

    /**
     * Compiles the tree with the levers as inputs, leaving out any the scenario cannot take as
     * one (a value that is not a series, say), whose moves are compiled as variants instead.
     * Fills {@code index} with each bound lever's input; returns null where none can be bound.
     */
    private static CompiledScenario bind(Path file, Node tree, List<Lever> levers, Map<String, Integer> index) {
        List<Lever> bound = new ArrayList<>(levers);
        while (!bound.isEmpty()) {
            List<Scenarios.Binding> bindings = bound.stream().map(l -> new Scenarios.Binding(List.of(l.path().split("\\.", -1)),
                    Location.ofOption("--lever " + l.path()), "")).toList();
            try {
                CompiledScenario compiled = Scenarios.compileWithInputs(tree, file.toString(), bindings, Warnings.ignored());
                // a page's runs are few but each is waited for: generated code makes each run several times faster
                compiled.model().generateCode();
                for (int i = 0; i < bound.size(); i++) index.put(bound.get(i).path(), i);
                return compiled;
            } catch (ScenarioException e) {
                java.util.Set<Location> refused = new java.util.HashSet<>();
                for (Problem p : e.problems()) refused.add(p.location());
                List<Lever> fewer = bound.stream().filter(l -> !refused.contains(Location.ofOption("--lever " + l.path()))).toList();
                // a problem that is no lever's own: bind none, and compile every variant
                if (fewer.size() == bound.size()) return null;
                bound = new ArrayList<>(fewer);
            }
        }
        return null;
    }

    /**
     * Reads and runs the scenario and sets up its levers: those given, or the defaults. Every
     * lever is run at both ends of its range, so a range the scenario cannot take is refused now.
     */
    public static WhatIf load(Path file, List<String> leverSpecs, boolean requireStep) {
        Node tree = Scenarios.tree(file, List.of());
        Scenario sc = ScenarioParser.parse(tree, file.toString());
        CouncilResult baseline = CouncilCompiler.compile(sc).run();
        boolean defaults = leverSpecs.isEmpty();
        List<Lever> levers = defaults ? Levers.defaults(tree, sc.units()) : Levers.parse(leverSpecs, tree, sc.units(), requireStep);
        List<String> notes = new ArrayList<>();
        // only to check each lever's ends, which are compiled as variants: no model with inputs needed
        WhatIf all = new WhatIf(file, tree, levers, baseline, List.of(), false);
        List<Lever> kept = new ArrayList<>();
        for (Lever l : levers) {
            String problem = all.problemAtEnds(l);
            if (problem == null) {
                kept.add(l);
            } else if (defaults) {
                // a default range the scenario cannot take: leave the lever out and say so
                notes.add("left out " + l.path() + ": " + problem);
            } else {
                throw new ScenarioException(Location.ofOption("--lever " + l.path()), problem + "; choose a narrower range");
            }
        }
        if (defaults && kept.size() > Levers.MAX_LEVERS) {
            notes.add("the first " + Levers.MAX_LEVERS + " of " + kept.size() + " levers are shown; choose others with --lever");
            kept = kept.subList(0, Levers.MAX_LEVERS);
        }
        return new WhatIf(file, tree, kept, baseline, notes, true);
    }

    /**
     * Why the scenario cannot run at one end of the lever's range, or null. The ends are compiled
     * as variants, so that a value the scenario's checks refuse (a floor above 100%) is told in
     * their words, as {@code pressure run --set} would tell it.
     */
    private String problemAtEnds(Lever l) {
        for (String end : List.of(l.values().get(0), l.values().get(l.values().size() - 1))) {
            try {
                List<String> sets = overrides(Map.of(l.path(), end));
                if (!sets.isEmpty()) compiled(sets);
            } catch (ScenarioException e) {
                return "at " + end + " the scenario cannot run: " + e.problems().get(0).message();
            }
        }
        return null;
    }

    /** What a person should know about the levers chosen by default (any left out, and why). */
    public List<String> notes() {
        return notes;
    }

    public Path file() {
        return file;
    }

    public List<Lever> levers() {
        return levers;
    }

    public CouncilResult baseline() {
        return baseline;
    }

    public Scenario scenario() {
        return baseline.scenario();
    }

    /**
     * The {@code --set} assignments for lever values, checked: each path must be a lever, each
     * value a number or percentage within the lever's range. Values equal to the scenario's own
     * are left out.
     *
     * @throws ScenarioException naming the lever and what would be right
     */
    public List<String> overrides(Map<String, String> values) {
        List<Problem> problems = new ArrayList<>();
        List<String> out = new ArrayList<>();
        // unknown paths first, then the levers in the page's order, so the same values give the same file
        List<Map.Entry<String, String>> entries = new ArrayList<>(values.entrySet());
        entries.sort(java.util.Comparator.comparingInt(e -> byPath.containsKey(e.getKey())
                ? levers.indexOf(byPath.get(e.getKey())) : -1));
        for (var e : entries) {
            String path = e.getKey(), value = e.getValue();
            Location at = Location.ofFile(path.length() > 100 ? path.substring(0, 100) + "..." : path);
            Lever lever = byPath.get(path);
            if (lever == null) {
                problems.add(new Problem(at, "not one of this page's levers ("
                        + String.join(", ", levers.stream().map(Lever::path).toList()) + ")"));
                continue;
            }
            if (value == null || value.length() > MAX_VALUE_CHARS) {
                problems.add(new Problem(at, "give the value as text of at most " + MAX_VALUE_CHARS + " characters"));
                continue;
            }
            Double v = Numbers.parse(value);
            if (v == null) {
                problems.add(new Problem(at, Numbers.badNumber(value)));
                continue;
            }
            if (v < lever.low() - 1e-12 * Math.abs(lever.low()) || v > lever.high() + 1e-12 * Math.abs(lever.high())) {
                problems.add(new Problem(at, "`" + value + "` is outside this lever's range, " + lever.values().get(0)
                        + " to " + lever.values().get(lever.values().size() - 1)));
                continue;
            }
            if (v.doubleValue() == Numbers.parse(lever.written())) continue;
            out.add(path + "=" + value.strip());
        }
        if (!problems.isEmpty()) throw new ScenarioException(problems);
        return out;
    }

    /**
     * The scenario run with the given lever values, giving exactly what {@code pressure run --set
     * PATH=VALUE...} gives: on the model compiled once with the levers as inputs where every lever
     * moved is one, else by compiling the variant.
     */
    public CouncilResult run(Map<String, String> values) {
        List<String> sets = overrides(values);
        if (sets.isEmpty()) return baseline;
        double[] given = inputs == null ? null : new double[inputs.model().inputCount()];
        if (given != null) java.util.Arrays.fill(given, Double.NaN);
        for (String set : sets) {
            int eq = set.indexOf('=');
            Integer i = inputIndex.get(set.substring(0, eq));
            if (i == null) return compiled(sets);
            // the number --set would write into the tree, read as the scenario reads it
            given[i] = Numbers.parse(set.substring(eq + 1));
        }
        return inputs.run(given);
    }

    /** Whether a move of the lever at {@code path} is run on the model compiled with the levers as inputs. */
    boolean bindsAsInput(String path) {
        return inputIndex.containsKey(path);
    }

    /** A variant compiled from its tree, for levers that are not inputs (and to check the inputs against). */
    CouncilResult compiled(List<String> sets) {
        return CouncilCompiler.compile(ScenarioParser.parse(variantTree(sets), file.toString())).run();
    }

    /** The scenario's tree with the assignments applied, as {@code --set} applies them. */
    Node variantTree(List<String> sets) {
        return Overrides.apply(tree, sets.stream().map(Overrides::parse).toList());
    }

    /** A scenario file that extends this one with only the changed values (see {@link VariantFile}). */
    public String variantFile(Map<String, String> values) {
        List<String> sets = overrides(values);
        run(values); // a variant that cannot run is not offered for download
        return VariantFile.render(file, tree, variantTree(sets), sets);
    }

    /**
     * The graph of doom's stacked areas, bottom first, as the chart of {@code pressure run} draws
     * them: each council statutory service (at its budget in part-2 files), committed spend where
     * there is any, then each council discretionary service's funded spend. Other agencies'
     * services are not the council's budget and are left out.
     */
    List<Map<String, Object>> stacks() {
        Scenario sc = scenario();
        boolean part2 = sc.part2().used();
        List<Map<String, Object>> out = new ArrayList<>();
        for (boolean statutory : new boolean[] {true, false}) {
            for (Service s : sc.services().values()) {
                if (!s.council() || s.statutory() != statutory) continue;
                String column = statutory && !part2 ? Columns.cost(s.name()) : Columns.funded(s.name());
                out.add(Map.of("column", column, "label", sc.label("service", s.name()) + (statutory ? " (statutory)" : " (funded)"),
                        "statutory", statutory));
            }
            if (statutory && part2 && baseline.hasColumn("committed_spend")
                    && java.util.Arrays.stream(baseline.column("committed_spend")).anyMatch(x -> x != 0)) {
                out.add(Map.of("column", "committed_spend", "label", "Committed (capital financing, schools deficit, one-off)",
                        "statutory", true));
            }
        }
        return out;
    }

    /** The income the graph of doom draws: what can close the gap where grants are ring-fenced. */
    String incomeColumn() {
        Scenario sc = scenario();
        return sc.part2().used() && !sc.budget().ringFenced().isEmpty() && baseline.hasColumn("income_available")
                ? "income_available" : "income";
    }

    /**
     * The columns the page draws for a variant: the graph of doom's stacks and income, the gap
     * and how it was closed, reserves and their minimum, each agency's cost.
     */
    List<String> variantColumns() {
        // a statutory service's funded spend is a value of the run though not a results.csv column
        java.util.Set<String> wanted = new java.util.LinkedHashSet<>(List.of("income", incomeColumn()));
        for (Map<String, Object> stack : stacks()) wanted.add((String) stack.get("column"));
        wanted.addAll(List.of("budget_gap", "cuts", "reserves_draw", "reserves", "minimum_reserves"));
        for (var c : baseline.columns()) if (AGENCY_COST.matcher(c.header()).matches()) wanted.add(c.header());
        return wanted.stream().filter(baseline::hasColumn).toList();
    }

    /** The scenario as written: a variant's columns, and the totals that set how many decimals the page shows. */
    private List<String> baselineColumns() {
        List<String> out = new ArrayList<>(variantColumns());
        for (String c : List.of("statutory_spend", "discretionary_planned")) if (!out.contains(c)) out.add(c);
        return out;
    }

    /**
     * A variant's run as the page reads it: the columns it draws for a variant, by year, and the
     * summary (indicators and anything beside them).
     */
    public Map<String, Object> runJson(CouncilResult r) {
        return runJson(r, variantColumns());
    }

    private Map<String, Object> runJson(CouncilResult r, List<String> names) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> columns = new LinkedHashMap<>();
        for (String c : names) columns.put(c, r.column(c));
        m.put("columns", columns);
        m.put("summary", ResultsWriter.summary(r));
        return m;
    }

    /**
     * Whether {@code sc} uses the feature {@code i} measures: a tile of overspends, undelivered
     * savings, exceptional support, failure demand or the cost to other public bodies on the page
     * of a file that has none of them would only ever read 0 and make readers wonder what it means.
     */
    static boolean uses(Scenario sc, Indicator i) {
        return switch (i) {
            // overspends come from a service's variance or a saving not delivered
            case TOTAL_OVERSPEND -> sc.services().values().stream().anyMatch(s -> s.variance() != null)
                    || !sc.part2().savings().isEmpty();
            case UNDELIVERED_SAVINGS -> !sc.part2().savings().isEmpty();
            case EFS_TOTAL -> sc.budget().onFailure() == org.pressure.engine.council.Budget.OnFailure.EFS;
            case FAILURE_DEMAND_COST -> !sc.links().isEmpty() || !sc.part2().cohorts().isEmpty();
            case PUBLIC_COST_TOTAL -> !sc.part2().agencies().isEmpty();
            default -> true;
        };
    }

    /** What the page needs besides runs: the scenario, its services, its levers. */
    public Map<String, Object> pageJson() {
        Scenario sc = scenario();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", sc.name());
        m.put("file", file.getFileName().toString());
        m.put("start", sc.start());
        m.put("end", sc.end());
        m.put("units", sc.units());
        m.put("minimumReserves", sc.budget().minimumReserves());
        m.put("stacks", stacks());
        m.put("income", incomeColumn());
        // what the file calls each public body ("NHS"); the page words those it does not name
        Map<String, String> agencyLabels = new LinkedHashMap<>();
        for (String a : sc.part2().agencies()) {
            String label = sc.label("agency", a);
            if (!label.equals(a)) agencyLabels.put(a, label);
        }
        m.put("agencyLabels", agencyLabels);
        // the engine's indicators: the page shows whichever a run has, labelled and printed as these say
        List<Map<String, Object>> indicators = new ArrayList<>();
        for (Indicator in : Indicator.values()) {
            if (!uses(sc, in)) continue;
            indicators.add(Map.of("name", in.key, "label", in.label, "kind", in.kind.name().toLowerCase(java.util.Locale.ROOT)));
        }
        m.put("indicators", indicators);
        List<Map<String, Object>> ls = new ArrayList<>();
        for (Lever l : levers) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("path", l.path());
            x.put("label", l.label());
            x.put("unit", l.unit());
            x.put("comment", l.comment());
            x.put("values", l.values());
            x.put("base", l.baseIndex());
            ls.add(x);
        }
        m.put("levers", ls);
        m.put("baseline", runJson(baseline, baselineColumns()));
        return m;
    }
}
