package org.pressure.engine.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pressure.engine.diagnostics.Location;

/**
 * A scenario file as a tree that remembers where each value was written, so that every
 * error can point at a file, line and column. YAML and JSON both read into it; {@code extends}
 * and {@code --set} edit it before it is validated.
 */
public sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode, Node.InputNode {

    Location location();

    /** What a person would call this kind of value, for messages. */
    String kindName();

    /** A mapping; keys keep their order and their own locations. */
    record MapNode(Location location, Map<String, Entry> entries) implements Node {
        public MapNode {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public Node get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        public Location keyLocation(String key) {
            Entry e = entries.get(key);
            return e == null ? location : e.keyLocation();
        }

        @Override
        public String kindName() {
            return "a mapping";
        }
    }

    /**
     * A key of a mapping with its value, and the comment written with it (the comment lines
     * just above the key and any comment at the end of its line), which scenario files use to
     * cite the source of each figure. Empty when there is none.
     */
    record Entry(Location keyLocation, Node value, String comment) {
        public Entry(Location keyLocation, Node value) {
            this(keyLocation, value, "");
        }
    }

    /** A sequence. */
    record ListNode(Location location, List<Node> items) implements Node {
        public ListNode {
            items = Collections.unmodifiableList(new ArrayList<>(items));
        }

        @Override
        public String kindName() {
            return "a list";
        }
    }

    /** What a scalar was written as, before any interpretation. */
    enum ScalarKind { STRING, NUMBER, BOOLEAN, NULL }

    /** A single value: its text exactly as written, and its kind. */
    record ScalarNode(Location location, String text, ScalarKind kind) implements Node {
        @Override
        public String kindName() {
            return switch (kind) {
                case STRING -> "the text `" + shortText() + "`";
                case NUMBER -> "the number " + shortText();
                case BOOLEAN -> "`" + text + "`";
                case NULL -> "an empty value";
            };
        }

        /** The text, cut to its first line and 60 characters for messages (the value may be a whole file). */
        public String shortText() {
            int nl = text.indexOf('\n');
            String first = nl < 0 ? text : text.substring(0, nl);
            return first.length() <= 60 && nl < 0 ? first : first.substring(0, Math.min(60, first.length())) + "...";
        }
    }

    /**
     * A value that each run of a sweep gives: the sweep parameter {@code input} in place of
     * {@code replaced}, the value as the scenario writes it (which runs without a value for the
     * parameter keep). Only a place that takes a series can hold one; everywhere else the
     * scenario's reader refuses it with {@link #refusal}. {@code location} is the parameter in the
     * sweep file.
     */
    record InputNode(Location location, String input, Node replaced) implements Node {
        @Override
        public String kindName() {
            return "a sweep parameter";
        }

        /** Why a place that takes one fixed number cannot be a sweep parameter (or a goal seek's lever). */
        public String refusal(String key) {
            return refusal(key, "number", "a plain number");
        }

        /**
         * Why a place that takes one fixed setting cannot be a sweep parameter: {@code kind} is
         * what it is ("number", "setting"), {@code takes} what it takes ("a plain number", "a word").
         */
        public String refusal(String key, String kind, String takes) {
            return "`" + input + "` is one fixed " + kind + " that shapes the model before it runs (`"
                    + key.substring(key.lastIndexOf('.') + 1) + "` takes " + takes + ", not a series), so it cannot be "
                    + "an input that each run sets; vary a series instead (a driver, a growth rate, a unit cost, a "
                    + "coefficient), or write one scenario per value";
        }
    }
}
