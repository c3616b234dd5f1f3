package org.pressure.cli.serve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.ScenarioException;

/**
 * Every run a published page can show, computed ahead: one for each combination of the levers'
 * positions, the first lever varying slowest. Columns are rounded to a tenth of the smallest
 * amount the page shows and stored once however many runs share them; indicators are kept exactly.
 */
public final class Publication {
    /** The most combinations a published page holds. */
    public static final int MAX_COMBINATIONS = 5_000;

    private Publication() {}

    /** The number of combinations of the levers' positions (saturating at {@code Long.MAX_VALUE}). */
    public static long combinations(List<Lever> levers) {
        long n = 1;
        for (Lever l : levers) {
            try {
                n = Math.multiplyExact(n, l.values().size());
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        return n;
    }

    /** The table of runs, checked against {@link #MAX_COMBINATIONS} before anything runs. */
    public static Map<String, Object> table(WhatIf w) {
        List<Lever> levers = w.levers();
        long count = combinations(levers);
        if (count > MAX_COMBINATIONS) {
            List<String> sizes = levers.stream().map(l -> Integer.toString(l.values().size())).toList();
            throw new ScenarioException(Location.ofOption("--lever"), "the levers make " + String.join(" x ", sizes) + " = "
                    + (count == Long.MAX_VALUE ? "too many" : String.format(java.util.Locale.UK, "%,d", count))
                    + " combinations; a published page holds at most " + String.format(java.util.Locale.UK, "%,d",
                    MAX_COMBINATIONS) + " (fewer levers, or larger steps)");
        }
        List<String> columns = w.variantColumns();
        List<String> indicators = new ArrayList<>(w.baseline().indicators().asMap().keySet());
        double scale = Math.pow(10, places(w.baseline()));
        Map<String, Integer> poolIndex = new HashMap<>();
        List<double[]> pool = new ArrayList<>();
        List<int[]> runs = new ArrayList<>();
        List<List<Object>> values = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        int[] position = new int[levers.size()];
        for (int index = 0; index < count; index++) {
            // mixed radix: the last lever varies fastest
            int rest = index;
            for (int j = levers.size() - 1; j >= 0; j--) {
                position[j] = rest % levers.get(j).values().size();
                rest /= levers.get(j).values().size();
            }
            Map<String, String> set = new LinkedHashMap<>();
            for (int j = 0; j < levers.size(); j++) set.put(levers.get(j).path(), levers.get(j).values().get(position[j]));
            CouncilResult r;
            try {
                r = w.run(set);
            } catch (ScenarioException e) {
                errors.put(Integer.toString(index), WhatIfServer.message(e));
                runs.add(new int[0]);
                values.add(List.of());
                continue;
            }
            int[] refs = new int[columns.size()];
            for (int c = 0; c < refs.length; c++) {
                double[] v = r.column(columns.get(c)).clone();
                for (int i = 0; i < v.length; i++) v[i] = Math.round(v[i] * scale) / scale;
                String key = java.util.Arrays.toString(v);
                Integer at = poolIndex.get(key);
                if (at == null) {
                    at = pool.size();
                    pool.add(v);
                    poolIndex.put(key, at);
                }
                refs[c] = at;
            }
            runs.add(refs);
            values.add(new ArrayList<>(r.indicators().asMap().values()));
        }
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("columns", columns);
        table.put("pool", pool);
        table.put("runs", runs);
        table.put("indicators", indicators);
        table.put("values", values);
        if (!errors.isEmpty()) table.put("errors", errors);
        return table;
    }

    /** Decimal places kept: one more than the page shows (as the report's tables choose them). */
    static int places(CouncilResult r) {
        double largest = 0;
        for (String c : new String[] {"income", "statutory_spend", "discretionary_planned"}) {
            for (double x : r.column(c)) largest = Math.max(largest, Math.abs(x));
        }
        return (largest >= 100 ? 1 : largest >= 10 ? 2 : 3) + 1;
    }
}
