package org.pressure.engine.england;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.pressure.engine.io.CsvText;

/**
 * One council's scenario file, written from its row of a Revenue Account budget return and its
 * population projection. The file holds only the council's own figures, each with a comment
 * naming the file, line, column and form line it came from and the arithmetic done on it;
 * everything national (growth rates, floors, the failure-demand links, the budget rules) is in
 * the shared base file it extends ({@link NationalAssumptions}). docs/england.md explains each
 * figure.
 */
final class CouncilScenario {
    /** The figures of one council, in £m, and how each was made. */
    record Figures(double olderPeople, double workingAge, double childrens, double prevention, double ringFenced,
                   double otherServices, double councilTax, double businessRates, double revenueSupportGrant,
                   double grants, double oneOff, double plannedReserveUse, double generalReserves,
                   double earmarkedReserves) {
        double openingReserves() {
            return generalReserves + earmarkedReserves;
        }
    }

    private CouncilScenario() {}

    /** A council's figures from its row: spending lines, financing lines, and usable reserves (from {@code reserves}). */
    static Figures figures(RevenueAccount.Council c, RevenueAccount.Council reserves, RevenueAccount.When when) {
        double older = sum(c, FormLine.OLDER_PEOPLE), working = sum(c, FormLine.WORKING_AGE);
        double shared = c.thousands(FormLine.ADULT_SOCIAL_CARE) - older - working - c.thousands(FormLine.EARLY_INTERVENTION);
        double olderShare = olderShare(older, working);
        double grants = -(c.thousands(FormLine.GRANTS_INSIDE_AEF) + c.thousands(FormLine.REORGANISATION_TRANSFERS)
                + c.thousands(FormLine.POLICE_GRANT));
        double other = c.thousands(FormLine.REVENUE_EXPENDITURE) - c.thousands(FormLine.ADULT_SOCIAL_CARE)
                - c.thousands(FormLine.CHILDRENS_SOCIAL_CARE) - c.thousands(FormLine.EDUCATION) - c.thousands(FormLine.PUBLIC_HEALTH);
        return new Figures(
                m(older + shared * olderShare),
                m(working + shared * (1 - olderShare)),
                m(c.thousands(FormLine.CHILDRENS_SOCIAL_CARE) - c.thousands(FormLine.SURE_START)),
                m(c.thousands(FormLine.EARLY_INTERVENTION) + c.thousands(FormLine.SURE_START)),
                m(c.thousands(FormLine.EDUCATION) + c.thousands(FormLine.PUBLIC_HEALTH)),
                m(other),
                m(c.thousands(FormLine.COUNCIL_TAX_REQUIREMENT)),
                m(-c.thousands(FormLine.RETAINED_RATES)),
                m(-c.thousands(FormLine.REVENUE_SUPPORT_GRANT)),
                m(grants),
                m(-(c.thousands(FormLine.COLLECTION_FUND) + c.thousands(FormLine.OTHER_INCOME)
                        + sum(c, FormLine.RING_FENCED_RESERVE_USES))),
                m(-sum(c, FormLine.USABLE_RESERVE_USES)),
                m(reserve(reserves, FormLine.UNALLOCATED_RESERVES, when)),
                m(reserve(reserves, FormLine.EARMARKED_RESERVES, when) - reserve(reserves, FormLine.PFI_SMOOTHING_RESERVES, when)
                        - reserve(reserves, FormLine.THIRD_PARTY_RESERVES, when)));
    }

    /** The older people's share of the adult social care lines the return does not split by age. */
    static double olderShare(double older, double working) {
        return older + working == 0 ? 0.5 : older / (older + working);
    }

    private static double reserve(RevenueAccount.Council c, FormLine line, RevenueAccount.When when) {
        return (when == RevenueAccount.When.START ? c.figures() : c.reservesAtEnd()).get(line).thousands();
    }

    private static double sum(RevenueAccount.Council c, List<FormLine> lines) {
        double s = 0;
        for (FormLine l : lines) s += c.thousands(l);
        return s;
    }

    /** £ thousand to £m, rounded to the pound so that sums of thousands print as the return's digits. */
    private static double m(double thousands) {
        return Math.round(thousands * 1000) / 1e6;
    }

    /**
     * The file's text.
     *
     * @param source the return's file name as cited; {@code reservesSource} the file the reserves come from
     */
    static String write(RevenueAccount.Council c, Figures f, String year, int start, String source,
                        RevenueAccount.Council reserveRow, String reservesSource, RevenueAccount.When when,
                        TreeMap<Integer, PopulationProjection.Year> population, String populationSource,
                        String baseFile, int end) {
        StringBuilder y = new StringBuilder();
        String where = source + " line " + c.fileLine();
        y.append("# ").append(c.name()).append(" (").append(c.code()).append("), ").append(RevenueAccount.className(c.councilClass()))
                .append(": built by `pressure import ra` from the Revenue Account budget return ").append(year).append('\n');
        y.append("# (").append(where).append(") and the ONS 2018-based population projections (")
                .append(populationSource).append(").\n");
        y.append("# Amounts are in £m: the return's £ thousand divided by 1,000. Each figure names the form line(s)\n");
        y.append("# and the column(s) of that row it was read from. The national assumptions are in ").append(baseFile)
                .append(".\n");
        y.append("# Contains public sector information licensed under the Open Government Licence v3.0.\n");
        y.append("extends: ").append(baseFile).append('\n');
        y.append("name: ").append(quote(c.name() + " (" + year + " budget)")).append('\n');
        y.append("time: {start: ").append(start).append(", end: ").append(end).append("}\n\n");

        y.append("drivers:\n");
        y.append("  # People by age band, ").append(start).append(" to ").append(end).append(" (").append(populationSource)
                .append(", lines ").append(lines(population, start, end)).append(")\n");
        band(y, "pop_0_17", population, start, end, PopulationProjection.Year::age0to17);
        band(y, "pop_18_64", population, start, end, PopulationProjection.Year::age18to64);
        band(y, "pop_65_plus", population, start, end, PopulationProjection.Year::age65plus);
        band(y, "pop_85_plus", population, start, end, PopulationProjection.Year::age85plus);

        y.append("\nincome:\n");
        y.append("  # line 990 ").append(cite(c, FormLine.COUNCIL_TAX_REQUIREMENT)).append('\n');
        y.append("  council_tax: {start: ").append(num(f.councilTax())).append(", growth: council_tax_growth}\n");
        y.append("  # -(line 970 ").append(cite(c, FormLine.RETAINED_RATES)).append("): income is negative on the form\n");
        y.append("  business_rates: {start: ").append(num(f.businessRates())).append(", growth: business_rates_growth}\n");
        y.append("  # -(line 951 ").append(cite(c, FormLine.REVENUE_SUPPORT_GRANT)).append(")\n");
        y.append("  revenue_support_grant: {start: ").append(num(f.revenueSupportGrant())).append(", growth: grant_growth}\n");
        y.append("  # -(line 904 ").append(cite(c, FormLine.GRANTS_INSIDE_AEF)).append(" + line 906 ")
                .append(cite(c, FormLine.REORGANISATION_TRANSFERS)).append(" + line 956 ").append(cite(c, FormLine.POLICE_GRANT))
                .append(")\n");
        y.append("  grants: {start: ").append(num(f.grants())).append(", growth: grant_growth}\n");
        y.append("  # -(line 980 ").append(cite(c, FormLine.COLLECTION_FUND)).append(" + line 985 ")
                .append(cite(c, FormLine.OTHER_INCOME)).append(" + ring-fenced reserves used, lines ")
                .append(citeAll(c, FormLine.RING_FENCED_RESERVE_USES)).append("):\n");
        y.append("  # collection fund, other items and schools' and public health reserves, this year only\n");
        y.append("  one_off_items: {values: {").append(start).append(": ").append(num(f.oneOff())).append(", ")
                .append(start + 1).append(": 0}, interpolate: step}\n");
        y.append("  # -(lines ").append(citeAll(c, FormLine.USABLE_RESERVE_USES)).append("), the net use of usable reserves\n");
        y.append("  # the budget plans this year. It is drawn from reserves this year; from the next, the recurring budget\n");
        y.append("  # is taken as balanced, so it is not carried forward as a gap (docs/england.md, \"The base year\").\n");
        y.append("  base_year_balance: ").append(quote("=if(year > start_year, " + num(f.plannedReserveUse()) + " * grant_index, 0)"))
                .append('\n');

        double older = sum(c, FormLine.OLDER_PEOPLE), working = sum(c, FormLine.WORKING_AGE);
        double share = olderShare(older, working);
        y.append("\nservices:\n");
        y.append("  # 65+ lines ").append(citeAll(c, FormLine.OLDER_PEOPLE)).append(" = ").append(thousands(older)).append(";\n");
        y.append("  # plus ").append(percent(share)).append(" (65+ over 65+ and 18-64) of the adult social care lines not split by age:\n");
        y.append("  # line 360 ").append(cite(c, FormLine.ADULT_SOCIAL_CARE)).append(" - 65+ - 18-64 - line 355 ")
                .append(cite(c, FormLine.EARLY_INTERVENTION)).append('\n');
        y.append("  older_people_care: {cost: ").append(quote("=" + num(f.olderPeople()) + " * older_people_demand * older_people_unit_cost"))
                .append("}\n");
        y.append("  # 18-64 lines ").append(citeAll(c, FormLine.WORKING_AGE)).append(" = ").append(thousands(working))
                .append("; plus the other ").append(percent(1 - share)).append(" of those lines\n");
        y.append("  working_age_care: {cost: ").append(quote("=" + num(f.workingAge()) + " * working_age_demand * working_age_unit_cost"))
                .append("}\n");
        y.append("  # line 330 ").append(cite(c, FormLine.CHILDRENS_SOCIAL_CARE)).append(" - line 310 ")
                .append(cite(c, FormLine.SURE_START)).append(" (children's centres: prevention)\n");
        y.append("  childrens_social_care: {cost: ").append(quote("=" + num(f.childrens()) + " * children_demand * children_unit_cost"))
                .append("}\n");
        y.append("  # line 355 ").append(cite(c, FormLine.EARLY_INTERVENTION)).append(" + line 310 ").append(cite(c, FormLine.SURE_START))
                .append('\n');
        y.append("  prevention: {cost: ").append(quote("=" + num(f.prevention()) + " * service_cost_index")).append("}\n");
        y.append("  # line 190 ").append(cite(c, FormLine.EDUCATION)).append(" + line 390 ").append(cite(c, FormLine.PUBLIC_HEALTH))
                .append(": paid from ring-fenced grants\n");
        y.append("  schools_and_public_health: {cost: ").append(quote("=" + num(f.ringFenced()) + " * grant_index")).append("}\n");
        y.append("  # line 900 ").append(cite(c, FormLine.REVENUE_EXPENDITURE)).append(" - lines 360, 330, 190 and 390 above\n");
        y.append("  other_services: {cost: ").append(quote("=" + num(f.otherServices()) + " * service_cost_index")).append("}\n");

        y.append("\nbudget:\n  reserves:\n");
        String rsource = reservesSource + " line " + reserveRow.fileLine() + ", at "
                + (when == RevenueAccount.When.START ? "1 April" : "31 March");
        y.append("    # ").append(rsource).append(": general (unallocated) line 1016 ")
                .append(citeReserve(reserveRow, FormLine.UNALLOCATED_RESERVES, when)).append(" = ").append(num(f.generalReserves()))
                .append(";\n");
        y.append("    # earmarked line 1015 ").append(citeReserve(reserveRow, FormLine.EARMARKED_RESERVES, when))
                .append(" - PFI smoothing line 1021 ").append(citeReserve(reserveRow, FormLine.PFI_SMOOTHING_RESERVES, when))
                .append(" - held for others line 1022 ").append(citeReserve(reserveRow, FormLine.THIRD_PARTY_RESERVES, when))
                .append(" = ").append(num(f.earmarkedReserves())).append('\n');
        y.append("    opening: ").append(num(f.openingReserves())).append('\n');
        return y.toString();
    }

    private static void band(StringBuilder y, String name, TreeMap<Integer, PopulationProjection.Year> population, int start,
                             int end, ToDoubleFunction<PopulationProjection.Year> band) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Integer, PopulationProjection.Year> e : population.subMap(start, true, end, true).entrySet()) {
            parts.add(e.getKey() + ": " + num(band.applyAsDouble(e.getValue())));
        }
        y.append("  ").append(name).append(": {values: {").append(String.join(", ", parts)).append("}}\n");
    }

    private static String lines(TreeMap<Integer, PopulationProjection.Year> population, int start, int end) {
        var years = population.subMap(start, true, end, true);
        List<Integer> first = years.firstEntry().getValue().lines(), last = years.lastEntry().getValue().lines();
        List<String> ranges = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) ranges.add(first.get(i) + "-" + last.get(i));
        return String.join(" and ", ranges);
    }

    private static String cite(RevenueAccount.Council c, FormLine line) {
        RevenueAccount.Figure f = c.figure(line);
        return thousands(f.thousands()) + " [" + f.columnLetters() + "]";
    }

    private static String citeReserve(RevenueAccount.Council c, FormLine line, RevenueAccount.When when) {
        RevenueAccount.Figure f = (when == RevenueAccount.When.START ? c.figures() : c.reservesAtEnd()).get(line);
        return thousands(f.thousands()) + " [" + f.columnLetters() + "]";
    }

    private static String citeAll(RevenueAccount.Council c, List<FormLine> lines) {
        List<String> parts = new ArrayList<>();
        for (FormLine l : lines) parts.add(l.line + " " + cite(c, l));
        return String.join(" + ", parts);
    }

    static String num(double x) {
        return CsvText.number(x);
    }

    private static String thousands(double x) {
        return String.format(Locale.UK, "%,.0f", x);
    }

    private static String percent(double share) {
        return String.format(Locale.UK, "%.1f%%", share * 100);
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
