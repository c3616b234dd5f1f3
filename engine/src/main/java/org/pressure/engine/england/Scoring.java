package org.pressure.engine.england;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.ScenarioException;

/**
 * How well a ranking of councils by risk picks out the councils that really failed (a section 114
 * notice or exceptional financial support): the area under the ROC curve (the chance that a council
 * that failed is ranked riskier than one that did not; ties count half; 0.5 is a coin toss), hits
 * among the N riskiest, and the misses and false alarms by name. The model's ranking is scored
 * beside two plain baselines computed in the same run: reserves as a share of core funding (lower
 * is riskier), and a published list of councils expected to run out of reserves.
 */
public final class Scoring {
    /** A council in a score's lists: its rank in that method's order (1 = riskiest) and what the method saw. */
    public record Named(String code, String name, int rank, String seen) {}

    /**
     * One method's score.
     *
     * @param top how many of the riskiest were counted for hits
     * @param failed councils in the run that failed, of {@code councils}
     */
    public record Score(String method, String description, double auc, int top, int hits, int failed, int councils,
                        List<Named> misses, List<Named> falseAlarms) {}

    private Scoring() {}

    /** The methods: each a risk order (riskiest first) and how it describes a council. */
    /** A method: its risk order (riskiest first, total), what it cannot tell apart (ties, for the AUC), what it saw. */
    record Method(String name, String description, Comparator<NationRun.CouncilRun> tie,
                  java.util.function.Function<NationRun.CouncilRun, String> seen, int top) {
        Comparator<NationRun.CouncilRun> order() {
            return tie.thenComparing(c -> c.entry().code());
        }
    }

    /**
     * Scores the model and the baselines against {@code failed}, the codes of councils in the run
     * that had an event.
     *
     * @param top how many riskiest councils to count hits among (0: as many as failed)
     * @param listed codes on the published list (empty: that baseline is left out)
     */
    public static List<Score> score(NationRun run, Set<String> failed, int top, Set<String> listed) {
        return score(run, failed, top, listed, Set.of());
    }

    /**
     * As {@link #score(NationRun, Set, int, Set)}, leaving the councils in {@code apart} out of the
     * scoring altogether (neither failed nor not): those whose failure had another cause.
     */
    public static List<Score> score(NationRun run, Set<String> failed, int top, Set<String> listed, Set<String> apart) {
        List<NationRun.CouncilRun> all = run.councils().stream().filter(c -> !apart.contains(c.entry().code())).toList();
        int n = top > 0 ? top : (int) all.stream().filter(c -> failed.contains(c.entry().code())).count();
        List<Method> methods = new ArrayList<>();
        methods.add(new Method("model", "the model's failure year, earliest riskiest; the same year ordered by reserves "
                + "left at the end", NationRun.RISK, c -> year(c.indicators().failureYear()), n));
        methods.add(new Method("model, failure year alone", "the failure year only: councils failing the same year (or "
                + "never) tie", Comparator.comparingInt((NationRun.CouncilRun c) -> c.indicators().failureYear() == null
                ? Integer.MAX_VALUE : c.indicators().failureYear()), c -> year(c.indicators().failureYear()), n));
        methods.add(new Method("reserves share", "usable reserves at the start over core funding, lowest riskiest",
                Comparator.comparingDouble((NationRun.CouncilRun c) -> Double.isNaN(c.reservesShare())
                        ? Double.POSITIVE_INFINITY : c.reservesShare()),
                c -> String.format(Locale.UK, "%.1f%%", 100 * c.reservesShare()), n));
        if (!listed.isEmpty()) {
            int onList = (int) all.stream().filter(c -> listed.contains(c.entry().code())).count();
            methods.add(new Method("2018 newsroom list", "the councils on the published 2018 list of those expected to run "
                    + "out of unallocated reserves; hits counted among the " + onList + " listed",
                    Comparator.comparingInt((NationRun.CouncilRun c) -> listed.contains(c.entry().code()) ? 0 : 1),
                    c -> listed.contains(c.entry().code()) ? "listed" : "not listed", onList));
        }
        List<Score> scores = new ArrayList<>();
        for (Method m : methods) {
            // ties for the AUC are what the method cannot tell apart: the failure year alone, or on/off the list
            scores.add(score(m, m.tie(), all, failed));
        }
        return scores;
    }

    private static Score score(Method m, Comparator<NationRun.CouncilRun> tie, List<NationRun.CouncilRun> all, Set<String> failed) {
        List<NationRun.CouncilRun> ranked = new ArrayList<>(all);
        ranked.sort(m.order());
        List<NationRun.CouncilRun> pos = ranked.stream().filter(c -> failed.contains(c.entry().code())).toList();
        List<NationRun.CouncilRun> neg = ranked.stream().filter(c -> !failed.contains(c.entry().code())).toList();
        double wins = 0;
        for (NationRun.CouncilRun p : pos) {
            for (NationRun.CouncilRun q : neg) {
                int c = tie.compare(p, q);
                wins += c < 0 ? 1 : c == 0 ? 0.5 : 0;
            }
        }
        double auc = pos.isEmpty() || neg.isEmpty() ? Double.NaN : wins / ((double) pos.size() * neg.size());
        int top = Math.min(m.top(), ranked.size());
        List<Named> misses = new ArrayList<>(), alarms = new ArrayList<>();
        int hits = 0;
        for (int i = 0; i < ranked.size(); i++) {
            NationRun.CouncilRun c = ranked.get(i);
            boolean f = failed.contains(c.entry().code());
            Named named = new Named(c.entry().code(), c.entry().name(), i + 1, m.seen().apply(c));
            if (i < top && f) hits++;
            if (i < top && !f) alarms.add(named);
            if (i >= top && f) misses.add(named);
        }
        return new Score(m.name(), m.description(), auc, top, hits, pos.size(), ranked.size(), misses, alarms);
    }

    private static String year(Integer y) {
        return y == null ? "never" : y + "/" + String.format("%02d", (y + 1) % 100);
    }

    /**
     * The councils of the run that had an event (in a financial year from {@code from} on, when not
     * null), leaving out those whose every event has another cause when {@code demandOnly}.
     */
    public static Set<String> failed(NationRun run, Outcomes outcomes, Integer from, boolean demandOnly) {
        Set<String> codes = run.codes();
        Map<String, List<Outcomes.Event>> byCode = new LinkedHashMap<>();
        for (Outcomes.Event e : outcomes.events()) {
            if (e.code().isEmpty() || !codes.contains(e.code())) continue;
            if (from != null && (e.year() == null || e.year() < from)) continue;
            byCode.computeIfAbsent(e.code(), k -> new ArrayList<>()).add(e);
        }
        Set<String> failed = new LinkedHashSet<>();
        byCode.forEach((code, events) -> {
            if (!demandOnly || events.stream().anyMatch(e -> !e.otherCause())) failed.add(code);
        });
        return failed;
    }

    /**
     * The councils of the run whose failure the file puts down to another cause than demand and
     * funding (equal pay, investment losses, unlawful spending) on every one of their events (a blank
     * cause is read as demand and funding, as {@link #failed} reads it): reported apart from the
     * scores of demand-driven failure.
     */
    public static Set<String> otherCause(NationRun run, Outcomes outcomes) {
        Set<String> codes = run.codes();
        Map<String, List<Outcomes.Event>> byCode = new LinkedHashMap<>();
        for (Outcomes.Event e : outcomes.events()) {
            if (codes.contains(e.code())) byCode.computeIfAbsent(e.code(), k -> new ArrayList<>()).add(e);
        }
        Set<String> apart = new LinkedHashSet<>();
        byCode.forEach((code, events) -> {
            if (events.stream().allMatch(Outcomes.Event::otherCause)) {
                apart.add(code);
            }
        });
        return apart;
    }

    /** Events that cannot be scored against this run: no code, or a council not in it. */
    public static List<Outcomes.Event> unscored(NationRun run, Outcomes outcomes) {
        Set<String> codes = run.codes();
        return outcomes.events().stream().filter(e -> e.code().isEmpty() || !codes.contains(e.code())).toList();
    }

    /**
     * The councils of the run named on a published list (a CSV with a {@code name} column), matched
     * by name: exactly, once "UA", "City of" and "&" are set aside, or else every council whose
     * name ends with it (Northamptonshire, abolished in 2021, is North and West Northamptonshire).
     */
    public static Set<String> listed(NationRun run, Path list) {
        CsvTable table = CsvTable.read(list);
        if (table.rows().isEmpty()) throw new ScenarioException(Location.ofFile(table.file()), "is empty");
        CsvTable.Row header = table.rows().get(0);
        int nameColumn = -1;
        for (int c = 0; c < header.cells().size(); c++) if (header.cell(c).strip().equalsIgnoreCase("name")) nameColumn = c;
        if (nameColumn < 0) throw new ScenarioException(header.at(table.file(), 0), "needs a `name` column of council names");
        Map<String, List<String>> byName = new HashMap<>();
        for (NationRun.CouncilRun c : run.councils()) {
            byName.computeIfAbsent(plain(c.entry().name()), k -> new ArrayList<>()).add(c.entry().code());
        }
        Set<String> out = new LinkedHashSet<>();
        for (CsvTable.Row row : table.rows().subList(1, table.rows().size())) {
            String name = plain(row.cell(nameColumn));
            if (name.isEmpty()) continue;
            List<String> exact = byName.get(name);
            if (exact != null) {
                out.addAll(exact);
                continue;
            }
            byName.forEach((n, codes) -> {
                if (n.endsWith(" " + name)) out.addAll(codes);
            });
        }
        return out;
    }

    static String plain(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z0-9 ]", " ").replaceAll("\\s+", " ").strip();
        n = n.replaceAll(" ua$", "").replaceAll("^city of ", "").replaceAll(" city of$", "").replaceAll(" council$", "");
        return n.strip();
    }
}
