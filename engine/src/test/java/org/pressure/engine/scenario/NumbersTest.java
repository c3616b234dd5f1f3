package org.pressure.engine.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Numbers as written: exact percentages, and no crash on an exponent a decimal cannot hold. */
class NumbersTest {
    @Test
    void percentages_are_the_double_nearest_the_decimal_written() {
        assertEquals(0.0041, Numbers.parse("0.41%"));
        assertEquals(0.0499, Numbers.parse("4.99%"));
    }

    @Test
    void an_exponent_beyond_a_decimal_s_scale_is_still_a_value_not_a_crash() {
        assertEquals(0.0, Numbers.parse("1e-2147483648%"));
        assertEquals(0.0, Numbers.parse("1e-99999999999%"));
        assertNull(Numbers.parse("1e2147483648%"), "infinite: not a number");
    }
}
