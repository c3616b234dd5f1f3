package org.pressure.engine.council;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pressure.engine.diagnostics.ScenarioException;

/**
 * Random damage to valid scenario files (deleted characters, values of the wrong type,
 * duplicated lines, stray bytes): reading, checking, compiling and running either succeeds or
 * refuses with the user-facing error, never anything else.
 */
class MutationFuzzTest {
    private static final String[] WRONG_VALUES = {"[1, 2]", "{a: 1}", "true", "null", "\"=\"", "\"=1/0\"", "-1e308",
        "\"=previous(\"", "9999999999", "\"2%%\"", "''", "\"=year ^ 1000\"", "*nope", "&a 1", "[", "}"};

    static LongStream seeds() {
        return LongStream.range(1, 401);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void damaged_files_are_accepted_or_refused_cleanly(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String text = mutate(RandomScenarios.generate(seed), rnd);
        try {
            Scenarios4Test.run(text);
        } catch (ScenarioException expected) {
            // refused with a located message: what a user should see
        } catch (RuntimeException | StackOverflowError e) {
            fail("seed " + seed + ": " + e + "\n" + text, e);
        }
    }

    static String mutate(String yaml, SplittableRandom rnd) {
        List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
        int edits = 1 + rnd.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int i = rnd.nextInt(lines.size());
            String line = lines.get(i);
            switch (rnd.nextInt(5)) {
                case 0 -> { // delete a few characters
                    if (line.isEmpty()) break;
                    int a = rnd.nextInt(line.length()), b = Math.min(line.length(), a + 1 + rnd.nextInt(4));
                    lines.set(i, line.substring(0, a) + line.substring(b));
                }
                case 1 -> { // a value of the wrong type
                    int colon = line.lastIndexOf(": ");
                    if (colon > 0) lines.set(i, line.substring(0, colon + 2) + WRONG_VALUES[rnd.nextInt(WRONG_VALUES.length)]);
                }
                case 2 -> lines.add(i, line); // a duplicated line (often a duplicate key)
                case 3 -> { // stray characters
                    char c = "\t\"'{}[],:&*!|>%@`#\\".charAt(rnd.nextInt(19));
                    int at = line.isEmpty() ? 0 : rnd.nextInt(line.length());
                    lines.set(i, line.substring(0, at) + c + line.substring(at));
                }
                default -> lines.remove(i); // a missing line
            }
            if (lines.isEmpty()) lines.add("");
        }
        return String.join("\n", lines);
    }
}
