package org.pressure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile and broken files: refused with exit 2, the file named, the problem said, no stack trace. */
class HostileInputTest {
    @TempDir
    Path dir;

    static Stream<Arguments> files() {
        String laughs = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
                + String.join("", java.util.stream.IntStream.range(0, 8).mapToObj(i -> {
                    char c = (char) ('b' + i), p = (char) ('a' + i);
                    return c + ": &" + c + " [" + String.join(",", java.util.Collections.nCopies(9, "*" + p)) + "]\n";
                }).toList());
        String head = "name: x\ntime: {start: 2025, end: 2030}\n";
        return Stream.of(
                Arguments.of("bomb.yaml", laughs, "aliases"),
                Arguments.of("deep-expression.yaml", head + "drivers:\n  x: \"=" + "(".repeat(20000) + "1" + ")".repeat(20000) + "\"\n", "limit"),
                Arguments.of("nested.yaml", "x: " + "[".repeat(10000) + "]".repeat(10000) + "\n", "Nesting"),
                Arguments.of("nested.json", "{\"a\":".repeat(5000) + "1" + "}".repeat(5000), "nesting"),
                Arguments.of("horizon.yaml", "name: x\ntime: {start: 2025, end: 2000000}\n", "the limit is 1000"),
                Arguments.of("huge.yaml", "name: x\ntime: {start: 1e300, end: 2030}\n", "out of range"),
                Arguments.of("names.yaml", head + "drivers:\n  \"x<script>\": 1\n", "not a valid name"),
                Arguments.of("infinite.json", "{\"name\": \"x\", \"time\": {\"start\": 2025, \"end\": 2030}, \"income\": {\"t\": 1e999999}}", "not a number"),
                Arguments.of("merge.yaml", "base: &b {x: 1}\nname: x\n<<: *b\n", "merge keys"),
                Arguments.of("duplicate.yaml", head + "name: y\n", "duplicate key"),
                // SnakeYAML's comment handling once failed with a ClassCastException on this (found by the fuzzer)
                Arguments.of("comment-in-brace.yaml", commentInBrace(), "YAML syntax error"),
                // a chain of operators is a deep tree without any bracket: it once overflowed the stack
                Arguments.of("chain.yaml", head + "drivers:\n  x: \"=" + "1+".repeat(4000) + "1\"\n",
                        "more than 500 operators in a chain"));
    }

    /** A shipped scenario whose third line, a comment, gained a `{` in front. */
    private static String commentInBrace() {
        try {
            String text = java.nio.file.Files.readString(Path.of("..", "scenarios", "northamptonshire-style-reserves.yaml"));
            int third = text.indexOf('\n', text.indexOf('\n') + 1) + 1;
            return text.substring(0, third) + "{" + text.substring(third);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void hostile_files_are_refused_cleanly(String name, String text, String says) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        for (String command : new String[] {"validate", "run"}) {
            // --debug prints the stack trace of internal failures: any would show here
            CommandLineTest.Result r = CommandLineTest.execute(command, file.toString(), "--debug");
            assertEquals(2, r.exit(), command + " " + name + ": " + r.err());
            assertTrue(r.err().contains(name), r.err());
            assertTrue(r.err().contains(says), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }

    @ParameterizedTest(name = "binary garbage, seed {0}")
    @MethodSource("seeds")
    void binary_garbage_is_refused(long seed) throws Exception {
        byte[] bytes = new byte[4096];
        new SplittableRandom(seed).nextBytes(bytes);
        Path file = dir.resolve("garbage.yaml");
        Files.write(file, bytes);
        CommandLineTest.Result r = CommandLineTest.execute("validate", file.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("garbage.yaml"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    static Stream<Long> seeds() {
        return Stream.of(1L, 2L, 3L);
    }
}
