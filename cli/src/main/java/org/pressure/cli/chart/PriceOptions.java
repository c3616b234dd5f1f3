package org.pressure.cli.chart;

import java.util.Locale;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.ScenarioException;
import picocli.CommandLine.Option;

/**
 * Cash or real terms for the charts and tables of one scenario at a time ({@code run} and
 * {@code report}; a picocli mixin). {@code compare} and {@code sweep} show cash only, so they do
 * not offer these options.
 */
public final class PriceOptions {
    @Option(names = "--prices", paramLabel = "BASIS", description = "cash (default) or real: amounts in the prices of "
            + "--base-year, deflated by --deflator.")
    public String prices = "cash";

    @Option(names = "--base-year", paramLabel = "YEAR", description = "Base year for real terms (default: the first "
            + "year). Only with --prices real.")
    public Integer baseYear;

    @Option(names = "--deflator", paramLabel = "DRIVER", description = "The driver that holds inflation (a yearly "
            + "rate such as cpi) or a price index (1 or 100 in some year), for real terms. Only with --prices real.")
    public String deflator;

    /** Refuses options that would be ignored, before anything is run. */
    public void check() {
        String p = prices.toLowerCase(Locale.ROOT);
        if (!p.equals("cash") && !p.equals("nominal") && !p.equals("real")) {
            throw new ScenarioException(Location.ofOption("--prices " + prices), "--prices is cash or real");
        }
        if (!p.equals("real")) {
            if (deflator != null) {
                throw new ScenarioException(Location.ofOption("--deflator " + deflator), "a deflator applies only to real "
                        + "terms: add --prices real, or leave out --deflator");
            }
            if (baseYear != null) {
                throw new ScenarioException(Location.ofOption("--base-year " + baseYear), "a base year applies only to real "
                        + "terms: add --prices real --deflator DRIVER, or leave out --base-year");
            }
        } else if (deflator == null) {
            throw new ScenarioException(Location.ofOption("--prices real"), "real terms need --deflator DRIVER, "
                    + "the driver that holds inflation (e.g. --deflator cpi)");
        }
    }

    /** The price basis for a run's charts. */
    public PriceBasis basis(CouncilResult r) {
        check();
        return prices.equalsIgnoreCase("real")
                ? PriceBasis.real(r, deflator, baseYear == null ? r.scenario().start() : baseYear)
                : PriceBasis.cash(r);
    }
}
