package org.pressure.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pressure.engine.council.Comparison;

/** Who saves and who pays in words: grouping, lists, rounding to no change, and units. */
class WhoPaysTextTest {

    private static Comparison.WhoPays whoPays(List<String> agencies, double[] base, double[] other) {
        double b = 0, o = 0;
        for (double x : base) b += x;
        for (double x : other) o += x;
        return new Comparison.WhoPays(2025, 2030, agencies, base, other, b, o);
    }

    @Test
    void the_issue_example_reads_as_written() {
        var w = whoPays(List.of("council", "nhs", "police"), new double[] {100, 50, 20}, new double[] {88, 59.1, 23.4});
        assertEquals("the council saves £12.0m; nhs pays £9.1m more and police £3.4m; the public purse is £0.5m worse off",
                WhoPaysText.sentence(w, "£m"));
    }

    @Test
    void three_payers_are_listed_with_commas_and_and_and_the_clauses_follow_the_first_body_of_each_kind() {
        var w = whoPays(List.of("council", "nhs", "police", "probation"), new double[] {100, 10, 10, 10},
                new double[] {101, 9, 12.25, 13});
        assertEquals("the council pays £1.0m more, police £2.3m and probation £3.0m; nhs saves £1.0m; "
                + "the public purse is £5.3m worse off", WhoPaysText.sentence(w, "£m"));
    }

    @Test
    void a_difference_that_rounds_to_nothing_is_no_change_and_other_units_follow_the_number() {
        var w = whoPays(List.of("council", "nhs"), new double[] {100, 10}, new double[] {100.02, 10.01});
        assertEquals("the costs to the council and nhs do not change; the public purse is no better and no worse off",
                WhoPaysText.sentence(w, "£m"));
        var t = whoPays(List.of("council", "nhs"), new double[] {100, 10}, new double[] {90, 10});
        assertEquals("the council saves 10.0 tonnes; the cost to nhs does not change; the public purse is 10.0 tonnes "
                + "better off", WhoPaysText.sentence(t, "tonnes"));
    }
}
