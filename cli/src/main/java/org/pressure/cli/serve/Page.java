package org.pressure.cli.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pressure.engine.council.Scenario;

/**
 * The what-if page: one HTML file with its style, script and data inside it, so that it makes
 * no request beyond the server that serves it ({@code serve}) or none at all ({@code publish}).
 */
public final class Page {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEMPLATE = resource("page.html");
    private static final String CSS = resource("page.css");
    private static final String JS = resource("page.js");

    private Page() {}

    /** The page for {@code serve}: runs come from the server it was loaded from. */
    public static String serve(WhatIf w) {
        return render(w, "serve", null, "Move a slider and the scenario runs again with that value, exactly as "
                + "the command pressure run --set would run it.");
    }

    /** The page for {@code publish}: every run it can show is in {@code table}. */
    public static String publish(WhatIf w, Map<String, Object> table) {
        return render(w, "publish", table, "Move a slider to see what happens to the council's budget, this year and "
                + "in the years to come, if that figure were different. Every combination was worked out in advance; "
                + "this page sends nothing anywhere.");
    }

    private static String render(WhatIf w, String mode, Map<String, Object> table, String intro) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("mode", mode);
        data.putAll(w.pageJson());
        if (table != null) data.put("table", table);
        Scenario sc = w.scenario();
        String title = sc.name() + ": what if?";
        String about = sc.description() == null || sc.description().isBlank() ? "This scenario has no description."
                : sc.description();
        String footer = "Scenario " + w.file().getFileName() + ", " + Scenario.financialYear(sc.start()) + " to "
                + Scenario.financialYear(sc.end()) + ", amounts in " + sc.units()
                + ". A projection, not a forecast: it shows what follows from the assumptions. Made with Pressure.";
        // the page may talk to the server it came from (serve), or to nothing at all (publish)
        String csp = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; "
                + "connect-src " + (table == null ? "'self'" : "'none'") + "; base-uri 'none'; form-action 'none'";
        Map<String, String> parts = Map.of("CSP", csp, "CSS", CSS, "JS", JS, "TITLE", escape(title),
                "INTRO", escape(intro), "ABOUT", escape(about), "FOOTER", escape(footer), "DATA", json(data));
        // one pass over the template, so nothing inserted is itself read as a placeholder
        return java.util.regex.Pattern.compile("\\{\\{([A-Z]+)}}").matcher(TEMPLATE)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(parts.get(m.group(1))));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * JSON that is safe inside a script element: every {@code <} escaped (so no {@code </script>}
     * and no comment opener), and the two line separators JavaScript once refused in strings.
     */
    static String json(Object value) {
        try {
            // "<" occurs only inside JSON strings, where its escape reads back as the same character
            return JSON.writeValueAsString(value).replace("<", "\\u003c")
                    .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Page.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
