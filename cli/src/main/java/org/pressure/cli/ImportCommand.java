package org.pressure.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pressure.engine.england.EnglandImport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pressure import ra RETURN ...}: one scenario per upper-tier council from a government return. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = Exit.Version.class,
        description = "Builds scenarios from the government's published returns.",
        subcommands = {ImportCommand.RevenueAccountCommand.class, CommandLine.HelpCommand.class})
final class ImportCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing what to import: `pressure import ra FILE ...` "
                + "(the Revenue Account budget return)");
    }

    @Command(name = "ra", mixinStandardHelpOptions = true, versionProvider = Exit.Version.class,
            description = {"Turns a Revenue Account budget return (RA, by council, as MHCLG publishes it) into one scenario "
                    + "file per upper-tier council (unitary, metropolitan district, London borough, shire county), each "
                    + "extending one shared file of national assumptions (national.yaml), and "
                    + "councils-index.csv listing them: the folder `pressure nation` runs.",
                    "Every figure in a council's file carries a comment naming the return's line and column and the "
                            + "form line. Councils that made no return are listed (SKIPPED.csv) and skipped, not guessed. "
                            + "The folder is written whole or not at all; an existing, non-empty --out is refused."},
            footer = {"", "Examples:",
                    "  pressure import ra data/england/RA_2021-22_data_by_LA.csv --year 2021-22 \\",
                    "      --population data/england/snpp2018-agebands-upper-tier-principal.csv --out england-2021-22",
                    "  pressure import ra data/england/RA_2023-24_data_Part_1_manual.csv --year 2023-24 \\",
                    "      --population data/england/snpp2018-agebands-upper-tier-principal.csv \\",
                    "      --reserves data/england/RA_2021-22_data_by_LA.csv --out england-2023-24"})
    static final class RevenueAccountCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "RETURN", description = "The RA file (CSV): 2021-22 and 2023-24 layouts are read.")
        Path returns;

        @Option(names = "--year", required = true, paramLabel = "YYYY-YY",
                description = "The return's financial year, e.g. 2021-22: the scenarios' first year.")
        String year;

        @Option(names = "--population", required = true, paramLabel = "FILE",
                description = "Population projections by upper-tier council and age band (area_code, variant, year, "
                        + "pop_0_17, pop_18_64, pop_65_plus, pop_85_plus).")
        Path population;

        @Option(names = "--variant", defaultValue = "v1", paramLabel = "V",
                description = "The projection variant to use (default: ${DEFAULT-VALUE}, the principal projection).")
        String variant;

        @Option(names = "--reserves", paramLabel = "FILE",
                description = "For a return without reserve levels (2023-24): a return that has them; its levels at "
                        + "31 March are used (RA 2021-22: estimated at 31 March 2022).")
        Path reserves;

        @Option(names = "--end", defaultValue = "" + EnglandImport.DEFAULT_END, paramLabel = "YEAR",
                description = "The last year projected (default: ${DEFAULT-VALUE}, for ${DEFAULT-VALUE}/"
                        + "41; the projections run to 2043).")
        int end;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to make (new, or empty).")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            EnglandImport.Result r = EnglandImport.run(new EnglandImport.Options(returns, year, population, variant,
                    reserves, out, end));
            PrintWriter o = spec.commandLine().getOut();
            o.printf("Built %d upper-tier councils from %s into %s%n", r.built().size(), returns.getFileName(), r.out());
            if (!r.skipped().isEmpty()) {
                o.printf("Skipped %d (listed in %s):%n", r.skipped().size(), r.out().resolve("SKIPPED.csv"));
                for (EnglandImport.Skipped s : r.skipped()) o.printf("  %s %s: %s%n", s.code(), s.name(), s.reason());
            }
            o.printf("Next: pressure nation %s%n", r.out());
            o.flush();
            return Exit.OK;
        }
    }
}
