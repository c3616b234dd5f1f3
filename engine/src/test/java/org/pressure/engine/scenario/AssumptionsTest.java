package org.pressure.engine.scenario;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pressure.engine.diagnostics.Location;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AssumptionsTest {

    @Test
    void every_value_is_listed_with_the_comment_that_cites_it() {
        Node tree = TreeReader.parse("""
                name: X
                drivers:
                  # ONS 2022-based projections
                  pop: {start: 100, growth: 2.4%}
                  cpi: 2%   # Bank of England target
                failure_demand:
                  - {from: a, to: b, delay: 2}  # LGA 2024
                """, "s.yaml", false);
        List<Assumptions.Assumption> list = Assumptions.list(tree, List.of("drivers", "failure_demand"));
        assertEquals(3, list.size(), list.toString());
        assertEquals(new Assumptions.Assumption("drivers.pop", "{start: 100, growth: 2.4%}", new Location("s.yaml", 4, 8),
                "ONS 2022-based projections"), list.get(0));
        assertEquals("drivers.cpi", list.get(1).path());
        assertEquals("2%", list.get(1).value());
        assertEquals("Bank of England target", list.get(1).comment());
        assertEquals("failure_demand.0", list.get(2).path());
        assertEquals("{from: a, to: b, delay: 2}", list.get(2).value());
    }
}
