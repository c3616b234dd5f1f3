package org.pressure.engine.england;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pressure.engine.council.Indicator;
import org.pressure.engine.io.AtomicFiles;
import org.pressure.engine.io.CsvText;
import org.pressure.engine.sweep.SweepResult;

/**
 * The files of a national run: {@code councils.csv} (one row per council, riskiest first, with
 * every indicator), {@code nation.json} (the sector by year, and the scores against outcomes when
 * asked), and for a national sweep {@code councils-probability.csv} (each council's chance of
 * failing by each year) and {@code nation-sweep.json} (the distribution of how many councils fail).
 */
public final class NationWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private NationWriter() {}

    /** councils.csv's text: rank, code, name, class, region, every indicator, then the reserves measures. */
    public static String councilsCsv(NationRun run) {
        StringBuilder s = new StringBuilder("rank,code,name,class,region");
        for (String k : Indicator.NAMES) s.append(',').append(k);
        s.append(",opening_reserves,core_funding,reserves_share\n");
        int rank = 0;
        for (NationRun.CouncilRun c : run.ranked()) {
            s.append(++rank).append(',').append(CsvText.field(c.entry().code())).append(',').append(CsvText.field(c.entry().name()))
                    .append(',').append(CsvText.field(c.entry().classLabel())).append(',').append(CsvText.field(c.entry().region()));
            for (Indicator i : Indicator.values()) s.append(',').append(number(c.indicators().number(i)));
            s.append(',').append(number(c.openingReserves())).append(',').append(number(c.coreFunding())).append(',')
                    .append(number(c.reservesShare())).append('\n');
        }
        return s.toString();
    }

    /** nation.json's content. */
    public static Map<String, Object> nation(NationRun run, Map<String, Object> scores) {
        Nation n = run.nation();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("councils_folder", n.dir().toString());
        m.put("councils", run.councils().size());
        m.put("start", n.start());
        m.put("end", n.end());
        m.put("units", n.units());
        int[] failing = run.failingBy();
        Map<String, Object> byYear = new LinkedHashMap<>(), gap = new LinkedHashMap<>(), reserves = new LinkedHashMap<>();
        double[] g = run.sectorGap(), r = run.sectorReserves();
        for (int y = 0; y < failing.length; y++) {
            byYear.put(Integer.toString(n.start() + y), failing[y]);
            gap.put(Integer.toString(n.start() + y), finite(g[y]));
            reserves.put(Integer.toString(n.start() + y), finite(r[y]));
        }
        m.put("failing_by_year", byYear);
        m.put("sector_gap", gap);
        m.put("sector_reserves", reserves);
        double cumulative = 0, failureDemand = 0;
        for (NationRun.CouncilRun c : run.councils()) {
            cumulative += c.indicators().cumulativeGap();
            failureDemand += c.indicators().failureDemandCost();
        }
        m.put("sector_cumulative_gap", finite(cumulative));
        m.put("failure_demand_cost", finite(failureDemand));
        m.put("public_cost_total", finite(run.publicCostTotal()));
        List<Map<String, Object>> first = new ArrayList<>();
        for (NationRun.CouncilRun c : run.ranked()) {
            if (c.indicators().failureYear() == null) break;
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("code", c.entry().code());
            e.put("name", c.entry().name());
            e.put("failure_year", c.indicators().failureYear());
            first.add(e);
        }
        m.put("failing_councils", first);
        if (scores != null) m.put("scores", scores);
        return m;
    }

    /** The scores as nation.json holds them: for each set of events, each method's figures and lists. */
    public static Map<String, Object> scores(Map<String, List<Scoring.Score>> sets, List<Outcomes.Event> unscored) {
        Map<String, Object> out = new LinkedHashMap<>();
        sets.forEach((name, scores) -> {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Scoring.Score s : scores) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("method", s.method());
                e.put("description", s.description());
                e.put("auc", finite(s.auc()));
                e.put("top", s.top());
                e.put("hits", s.hits());
                e.put("failed", s.failed());
                e.put("councils", s.councils());
                e.put("misses", names(s.misses()));
                e.put("false_alarms", names(s.falseAlarms()));
                list.add(e);
            }
            out.put(name, list);
        });
        List<Map<String, Object>> left = new ArrayList<>();
        for (Outcomes.Event e : unscored) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event", e.kind());
            m.put("authority", e.authority());
            m.put("code", e.writtenCode());
            m.put("line", e.line());
            m.put("why", e.writtenCode().isEmpty() ? "no council code (abolished before the returns, or not named by code)"
                    : "not among the councils run (a district, or a council without a return)");
            left.add(m);
        }
        out.put("unscored_events", left);
        return out;
    }

    private static List<Map<String, Object>> names(List<Scoring.Named> named) {
        List<Map<String, Object>> l = new ArrayList<>();
        for (Scoring.Named n : named) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", n.code());
            m.put("name", n.name());
            m.put("rank", n.rank());
            m.put("seen", n.seen());
            l.add(m);
        }
        return l;
    }

    public static void writeJson(Object content, Path file) throws IOException {
        byte[] json = JSON.writeValueAsBytes(content);
        AtomicFiles.write(file, out -> out.write(json));
    }

    public static void writeText(String text, Path file) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * councils-probability.csv's text for a national sweep: each council's share of runs in which
     * it cannot balance its budget by each year, riskiest first (by its chance by the last year).
     */
    public static String probabilityCsv(NationModel model, SweepResult result) {
        Nation n = model.nation();
        List<Object[]> rows = new ArrayList<>();
        for (Nation.Council c : n.councils()) {
            SweepResult.OutputSummary o = result.output(c.entry().code() + "." + Indicator.FAILURE_YEAR.key);
            double[] p = new double[n.years()];
            for (int y = 0; y < p.length; y++) p[y] = o.byYear().getOrDefault(n.start() + y, 0.0);
            rows.add(new Object[] {c.entry(), p});
        }
        rows.sort((a, b) -> {
            double[] pa = (double[]) a[1], pb = (double[]) b[1];
            for (int y = pa.length - 1; y >= 0; y--) {
                int c = Double.compare(pb[y], pa[y]);
                if (c != 0) return c;
            }
            return ((CouncilIndex.Entry) a[0]).code().compareTo(((CouncilIndex.Entry) b[0]).code());
        });
        StringBuilder s = new StringBuilder("code,name,class,region");
        for (int y = n.start(); y <= n.end(); y++) s.append(",by_").append(y);
        s.append('\n');
        for (Object[] row : rows) {
            CouncilIndex.Entry e = (CouncilIndex.Entry) row[0];
            s.append(CsvText.field(e.code())).append(',').append(CsvText.field(e.name())).append(',')
                    .append(CsvText.field(e.classLabel())).append(',').append(CsvText.field(e.region()));
            for (double p : (double[]) row[1]) s.append(',').append(CsvText.number(p));
            s.append('\n');
        }
        return s.toString();
    }

    /** nation-sweep.json: for each year, the distribution over runs of how many councils cannot balance by then. */
    public static Map<String, Object> sweep(NationModel model, SweepResult result) {
        Nation n = model.nation();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sweep", result.spec().name());
        m.put("runs", result.runs());
        m.put("councils", n.councils().size());
        Map<String, Object> failing = new LinkedHashMap<>();
        for (int y = n.start(); y <= n.end(); y++) {
            SweepResult.OutputSummary o = result.output("councils_failing@" + y);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("mean", finite(o.mean()));
            e.put("p5", finite(o.p5()));
            e.put("p50", finite(o.p50()));
            e.put("p95", finite(o.p95()));
            e.put("min", finite(o.min()));
            e.put("max", finite(o.max()));
            failing.put(Integer.toString(y), e);
        }
        m.put("councils_failing_by_year", failing);
        return m;
    }

    private static String number(double x) {
        return Double.isFinite(x) ? CsvText.number(x) : "";
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
