package org.pressure.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Leaves an output folder holding what a command wrote this time: files of the kinds the
 * command writes (by name) that it did not write now, such as the charts of an earlier run made
 * before {@code --no-chart}, are removed. Files of other kinds, folders and links are never
 * touched, nor is anything outside the folder.
 */
final class OutputFolder {
    private OutputFolder() {}

    private static final String CHART = "\\.(png|svg|pdf)";

    /** What {@code run} writes, for a scenario or an XMILE model. */
    static final Pattern RUN = Pattern.compile("results\\.csv|summary\\.json|(graph-of-doom|reserves|budget-gap|failure-demand|who-pays|cohorts)"
            + CHART);
    /** What {@code sweep} writes when it finishes (runs.csv.partial is its own, kept for --resume after a kill). */
    static final Pattern SWEEP = Pattern.compile("runs\\.csv|summary\\.json|sensitivity\\.csv|(fan|histogram|tornado)-.+" + CHART);
    /** What {@code compare} writes. */
    static final Pattern COMPARE = Pattern.compile("comparison\\.csv|comparison(-agencies)?" + CHART);
    /** What {@code nation} writes, once or as a sweep. */
    static final Pattern NATION = Pattern.compile("councils\\.csv|nation\\.json|runs\\.csv|summary\\.json|sensitivity\\.csv"
            + "|councils-probability\\.csv|nation-sweep\\.json|(councils-failing|failure-years|sector-gap|fan-sector-.+)" + CHART);
    /** What {@code report} writes. */
    static final Pattern REPORT = Pattern.compile("report\\.(html|xlsx)|comparison(-agencies)?" + CHART
            + "|sweep\\d+-probability-by-year" + CHART + "|nation-(councils-failing|failure-years|sector-gap)" + CHART
            + "|.+-(graph-of-doom|reserves|budget-gap|failure-demand|who-pays|cohorts)" + CHART);

    /** Removes the files of {@code dir} that match {@code ours} and are not in {@code written}. */
    static void tidy(Path dir, Pattern ours, List<String> written) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (ours.matcher(name).matches() && !written.contains(name)
                        && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
