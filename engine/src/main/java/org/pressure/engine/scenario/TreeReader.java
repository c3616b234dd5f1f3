package org.pressure.engine.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.Problems;
import org.pressure.engine.diagnostics.ScenarioException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a YAML or JSON file into a located {@link Node} tree. Refuses, as a
 * {@link ScenarioException} naming the file and line, anything that is not a well-formed
 * document: syntax errors, duplicate keys, alias bombs, binary content, files too large.
 */
public final class TreeReader {
    /** Largest scenario or sweep file read, in bytes. */
    public static final long MAX_FILE_BYTES = 8L * 1024 * 1024;
    /** Deepest nesting of mappings and lists accepted. */
    public static final int MAX_DEPTH = 64;
    /** Most aliases (`*name`) that may point at a mapping or list, against alias bombs. */
    public static final int MAX_ALIASES = 50;

    private TreeReader() {}

    /** Reads a file; the format is chosen by its extension (.json is JSON, anything else YAML). */
    public static Node read(Path file) {
        String name = file.toString();
        String text = readText(file);
        return parse(text, name, name.toLowerCase(Locale.ROOT).endsWith(".json"));
    }

    /** Reads the text of a file as UTF-8, refusing binary content and oversized files. */
    public static String readText(Path file) {
        return decodeUtf8(readBytes(file, MAX_FILE_BYTES), file.toString());
    }

    /**
     * Bytes as UTF-8 text, without a byte-order mark; refuses, at the line and column where it
     * starts, anything that is not UTF-8 text.
     */
    public static String decodeUtf8(byte[] bytes, String name) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstMalformed(bytes);
            String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
            throw new ScenarioException(locate(before, before.length(), name), "is not UTF-8 text: byte "
                    + (bad + 1) + " (0x" + String.format("%02X", bytes[bad] & 0xff) + ") cannot start or continue a "
                    + "character (binary data, or text saved in another encoding: save it as UTF-8)");
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) throw new ScenarioException(locate(text, nul, name), "holds binary data (a NUL byte), not text");
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        return text;
    }

    /**
     * Reads a whole file of at most {@code max} bytes. Only ordinary files are read: a directory,
     * a device ({@code /dev/zero}), a pipe or a socket is refused before it is opened, and the
     * limit is kept while reading, not trusted from the file's reported size.
     */
    public static byte[] readBytes(Path file, long max) {
        String name = file.toString();
        Location at = Location.ofFile(name);
        try {
            java.nio.file.attribute.BasicFileAttributes a =
                    Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
            if (a.isDirectory()) throw new ScenarioException(at, "is a directory, not a file");
            if (!a.isRegularFile()) {
                throw new ScenarioException(at, "is not an ordinary file (a device, pipe or socket); only ordinary "
                        + "files are read");
            }
            if (a.size() > max) {
                throw new ScenarioException(at, "is " + a.size() + " bytes; files over " + max + " bytes are refused");
            }
            try (java.io.InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
                if (bytes.length > max) {
                    throw new ScenarioException(at, "is over " + max + " bytes; files over " + max + " bytes are refused");
                }
                return bytes;
            }
        } catch (NoSuchFileException e) {
            throw new ScenarioException(at, "no such file");
        } catch (AccessDeniedException e) {
            throw new ScenarioException(at, "cannot be read (permission denied)");
        } catch (java.nio.file.FileSystemException e) {
            throw new ScenarioException(at, "cannot be read" + (e.getReason() == null ? "" : " (" + e.getReason() + ")"));
        } catch (IOException e) {
            throw new ScenarioException(at, "cannot be read: " + e.getMessage());
        }
    }

    /** The offset of the first byte that is not well-formed UTF-8. */
    private static int firstMalformed(byte[] bytes) {
        java.nio.charset.CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult r = d.decode(in, out, true);
        if (r.isError()) return in.position();
        return Math.max(0, Math.min(bytes.length - 1, in.position()));
    }

    /** The line and column of character {@code index} of {@code text}. */
    static Location locate(String text, int index, String name) {
        int line = 1, col = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new Location(name, line, col);
    }

    /** Parses text already read; {@code name} is used in locations. */
    public static Node parse(String text, String name, boolean json) {
        return json ? parseJson(text, name) : parseYaml(text, name);
    }

    // ---------------------------------------------------------------- YAML

    private static Node parseYaml(String text, String name) {
        try {
            return parseYaml(text, name, true);
        } catch (ClassCastException | IllegalStateException | IndexOutOfBoundsException | NullPointerException e) {
            // SnakeYAML's comment handling fails on some broken files (a comment just inside an open
            // `{`): read them again without comments, so that the syntax error itself is reported
            try {
                return parseYaml(text, name, false);
            } catch (ClassCastException | IllegalStateException | IndexOutOfBoundsException | NullPointerException again) {
                throw new ScenarioException(new Location(name, 1, 1), "YAML refused: the file is not well-formed YAML "
                        + "and could not be read (" + again.getClass().getSimpleName() + ")");
            }
        }
    }

    private static Node parseYaml(String text, String name, boolean comments) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit((int) MAX_FILE_BYTES);
        options.setProcessComments(comments); // comments cite sources; reports show them beside each figure
        Yaml yaml = new Yaml(options);
        org.yaml.snakeyaml.nodes.Node root;
        try (Reader reader = new StringReader(text)) {
            root = yaml.compose(reader);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Location at = m == null ? Location.ofFile(name) : new Location(name, m.getLine() + 1, m.getColumn() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
            throw new ScenarioException(at, "YAML syntax error: " + plainWords(problem, e.getContext()) + " [" + problem
                    + context + "]");
        } catch (YAMLException e) {
            // no mark: a limit of the whole document (aliases, size); point at its start
            throw new ScenarioException(new Location(name, 1, 1), "YAML refused: " + firstLine(e.getMessage()));
        } catch (IOException e) {
            throw new ScenarioException(Location.ofFile(name), "cannot be read: " + e.getMessage());
        } catch (StackOverflowError e) {
            throw new ScenarioException(Location.ofFile(name), "is nested too deeply to read");
        }
        if (root == null) throw new ScenarioException(new Location(name, 1, 1), "the file is empty");
        Problems problems = new Problems();
        Node tree = convert(root, name, problems, 0, new long[] {0, 0});
        problems.throwIfAny();
        return tree;
    }

    /** Most values a document may hold once its aliases are expanded. */
    public static final int MAX_NODES = 1_000_000;
    /**
     * Most characters of text a document may hold once its aliases are expanded: no more than
     * the largest file, so that aliases of one long text cannot multiply it.
     */
    public static final long MAX_EXPANDED_CHARS = MAX_FILE_BYTES;

    /** {@code count} holds the values and the characters of text converted so far. */
    private static Node convert(org.yaml.snakeyaml.nodes.Node n, String name, Problems problems, int depth, long[] count) {
        Mark m = n.getStartMark();
        Location at = new Location(name, m.getLine() + 1, m.getColumn() + 1);
        if (depth > MAX_DEPTH) throw new ScenarioException(at, "nested more than " + MAX_DEPTH + " levels deep");
        if (++count[0] > MAX_NODES) {
            throw new ScenarioException(at, "expands to more than " + MAX_NODES + " values (aliases used as a bomb?)");
        }
        if (n instanceof org.yaml.snakeyaml.nodes.ScalarNode sn && (count[1] += sn.getValue().length()) > MAX_EXPANDED_CHARS) {
            throw new ScenarioException(at, "expands to more than " + MAX_EXPANDED_CHARS + " characters of text "
                    + "(aliases of a long text used as a bomb?)");
        }
        if (n instanceof MappingNode map) {
            Map<String, Node.Entry> entries = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                org.yaml.snakeyaml.nodes.Node k = t.getKeyNode();
                Location keyAt = new Location(name, k.getStartMark().getLine() + 1, k.getStartMark().getColumn() + 1);
                if (!(k instanceof org.yaml.snakeyaml.nodes.ScalarNode ks)) {
                    problems.add(keyAt, "a key must be a plain name, not a mapping or list");
                    continue;
                }
                if (Tag.MERGE.equals(k.getTag())) {
                    problems.add(keyAt, "YAML merge keys (`<<`) are not supported; use `extends` to build on another file");
                    continue;
                }
                String key = ks.getValue();
                if (entries.containsKey(key)) {
                    problems.add(keyAt, "duplicate key `" + key + "` (first given at line "
                            + entries.get(key).keyLocation().line() + ")");
                    continue;
                }
                entries.put(key, new Node.Entry(keyAt, convert(t.getValueNode(), name, problems, depth + 1, count),
                        comment(k, t.getValueNode())));
            }
            return new Node.MapNode(at, entries);
        }
        if (n instanceof SequenceNode seq) {
            List<Node> items = new ArrayList<>();
            for (org.yaml.snakeyaml.nodes.Node item : seq.getValue()) {
                items.add(convert(item, name, problems, depth + 1, count));
            }
            return new Node.ListNode(at, items);
        }
        org.yaml.snakeyaml.nodes.ScalarNode s = (org.yaml.snakeyaml.nodes.ScalarNode) n;
        Tag tag = s.getTag();
        Node.ScalarKind kind;
        if (Tag.NULL.equals(tag)) kind = Node.ScalarKind.NULL;
        else if (Tag.BOOL.equals(tag)) kind = Node.ScalarKind.BOOLEAN;
        else if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) kind = Node.ScalarKind.NUMBER;
        else kind = Node.ScalarKind.STRING;
        // point inside quotes, at the text itself, so offsets into the text land on the right column
        boolean quoted = s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.DOUBLE_QUOTED
                || s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.SINGLE_QUOTED;
        return new Node.ScalarNode(quoted ? at.shift(1) : at, s.getValue(), kind);
    }

    /** What the YAML parser's words for the common slips mean for a person writing a scenario. */
    static String plainWords(String problem, String context) {
        String p = problem == null ? "" : problem;
        String c = context == null ? "" : context;
        if (p.contains("mapping values are not allowed here")) {
            return "a `key: value` where this line cannot have one: check its indentation against the lines above "
                    + "(keys of one mapping line up; the keys inside one are indented further), or put a value "
                    + "that holds `: ` in quotes";
        }
        if (p.contains("expected <block end>") || c.contains("while parsing a block mapping")
                || c.contains("while parsing a block collection")) {
            return "this line is indented differently from the keys or items before it: keys of one mapping, and "
                    + "items of one list, must start in the same column";
        }
        if (p.contains("'\\t'") || p.contains("\\t")) return "a tab: indent with spaces, not tabs";
        if (p.contains("found character '@'") || p.contains("found character '`'")) {
            return "a value cannot start with @ or ` in YAML: put it in quotes";
        }
        if (c.contains("while scanning a quoted scalar")) return "a quoted value is not closed: add the closing quote";
        if (c.contains("while parsing a flow")) {
            return "a {...} mapping or [...] list is not closed as it should be: check its brackets and commas, "
                    + "and quote any value that holds a comma";
        }
        if (p.contains("found undefined alias")) return "an alias (*name) with no anchor (&name) before it";
        return p;
    }

    /** The comment lines above a key and the comment at the end of its value's line, joined. */
    private static String comment(org.yaml.snakeyaml.nodes.Node key, org.yaml.snakeyaml.nodes.Node value) {
        StringBuilder out = new StringBuilder();
        for (var lines : List.of(nonNull(key.getBlockComments()), nonNull(key.getInLineComments()),
                nonNull(value.getInLineComments()))) {
            for (org.yaml.snakeyaml.comments.CommentLine c : lines) {
                if (c.getCommentType() == org.yaml.snakeyaml.comments.CommentType.BLANK_LINE) continue;
                String text = c.getValue().strip();
                if (text.isEmpty()) continue;
                if (out.length() > 0) out.append(' ');
                out.append(text);
            }
        }
        return out.toString();
    }

    private static List<org.yaml.snakeyaml.comments.CommentLine> nonNull(List<org.yaml.snakeyaml.comments.CommentLine> l) {
        return l == null ? List.of() : l;
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown problem";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    // ---------------------------------------------------------------- JSON

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(100)
                    .maxStringLength((int) MAX_FILE_BYTES)
                    .build())
            .build();

    private static Node parseJson(String text, String name) {
        Problems problems = new Problems();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() == null) throw new ScenarioException(new Location(name, 1, 1), "the file is empty");
            Node root = readJson(p, name, problems);
            if (p.nextToken() != null) {
                throw new ScenarioException(at(p.currentTokenLocation(), name), "JSON syntax error: more content after the end of the document");
            }
            problems.throwIfAny();
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            Location at = l == null ? Location.ofFile(name) : at(l, name);
            throw new ScenarioException(at, "JSON syntax error: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ScenarioException(Location.ofFile(name), "cannot be read: " + e.getMessage());
        }
    }

    private static Location at(JsonLocation l, String name) {
        return new Location(name, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    private static Node readJson(JsonParser p, String name, Problems problems) throws IOException {
        Location at = at(p.currentTokenLocation(), name);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node.Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Location keyAt = at(p.currentTokenLocation(), name);
                    p.nextToken();
                    Node value = readJson(p, name, problems);
                    if (entries.containsKey(key)) {
                        problems.add(keyAt, "duplicate key `" + key + "` (first given at line "
                                + entries.get(key).keyLocation().line() + ")");
                    } else {
                        entries.put(key, new Node.Entry(keyAt, value));
                    }
                }
                return new Node.MapNode(at, entries);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) items.add(readJson(p, name, problems));
                return new Node.ListNode(at, items);
            }
            case VALUE_STRING -> {
                return new Node.ScalarNode(at.shift(1), p.getText(), Node.ScalarKind.STRING);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Node.ScalarNode(at, p.getText(), Node.ScalarKind.NUMBER);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node.ScalarNode(at, p.getText(), Node.ScalarKind.BOOLEAN);
            }
            case VALUE_NULL -> {
                return new Node.ScalarNode(at, "null", Node.ScalarKind.NULL);
            }
            default -> throw new ScenarioException(at, "JSON syntax error: unexpected " + t);
        }
    }
}
