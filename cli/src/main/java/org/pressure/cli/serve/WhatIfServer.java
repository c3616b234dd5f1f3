package org.pressure.cli.serve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.pressure.cli.chart.ChartOptions;
import org.pressure.cli.report.HtmlReport;
import org.pressure.cli.report.ScenarioReport;
import org.pressure.cli.report.XlsxReport;
import org.pressure.engine.diagnostics.Problem;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.scenario.Numbers;

/**
 * The local web server behind {@code pressure serve}: the page, and a run, a variant file or a
 * report for the lever values the page sends. Every request is bounded in size and time; a
 * request addressed to another name, or sent by a page from another origin, is refused before
 * anything else; requests beyond a steady rate from one client are turned away; a bad value is a
 * 400 with a message for people, an internal fault a 500 with one, never a dropped connection.
 *
 * <pre>
 * GET  /                          the page
 * POST /api/run                   {"values": {PATH: VALUE}} -> {"columns": {...}, "summary": {...}}
 * POST /api/variant               the same body -> a scenario file that extends this one (text/yaml)
 * POST /api/report?format=html    the same body -> report.html (or format=xlsx: report.xlsx)
 * </pre>
 */
public final class WhatIfServer implements AutoCloseable {
    /** The largest request body read, in bytes. */
    public static final int MAX_BODY_BYTES = 16 * 1024;
    /** Requests a second allowed on average, and in a burst. */
    public static final double RATE_PER_SECOND = 30;
    public static final double BURST = 60;
    /** Requests waiting beyond those being answered; more are refused at once. */
    static final int QUEUE = 32;
    /**
     * Threads that read requests and write answers. The JDK server reads a request's headers and
     * body on one of these, so a client that sends slowly holds one until the read time limit;
     * many are kept so that a few slow clients cannot stall the page, while {@link #runs} keeps the
     * model runs themselves to one per processor.
     */
    static final int WORKERS = 32;
    /** Clients whose request rate is remembered; the longest unheard of is forgotten first. */
    static final int CLIENTS = 256;

    static {
        // a client that sends its request slowly must not hold a worker for long;
        // the JDK server reads these when its first instance is made (seconds)
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "5");
        }
        if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
            System.setProperty("sun.net.httpserver.maxRspTime", "60");
        }
    }

    private final WhatIf whatIf;
    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final byte[] page;
    private final String host;
    private final PrintWriter log;
    /** One bucket per client (address, and whether the request came from this server's own page). */
    private final Map<String, RateLimit> rates = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RateLimit> eldest) {
            return size() > CLIENTS;
        }
    };
    private final Semaphore runs = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));
    static final int CACHED_RUNS = 256;
    private final Map<List<String>, byte[]> cache = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<List<String>, byte[]> eldest) {
            return size() > CACHED_RUNS;
        }
    };

    private WhatIfServer(WhatIf whatIf, HttpServer server, ThreadPoolExecutor executor, String host, PrintWriter log) {
        this.whatIf = whatIf;
        this.server = server;
        this.executor = executor;
        this.host = host;
        this.log = log;
        this.page = Page.serve(whatIf).getBytes(StandardCharsets.UTF_8);
    }

    /** Starts answering on {@code host:port} (port 0: any free port). */
    public static WhatIfServer start(WhatIf whatIf, String host, int port, PrintWriter log) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                r -> {
                    Thread t = new Thread(r, "pressure-serve");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.DiscardPolicy());
        WhatIfServer s = new WhatIfServer(whatIf, server, executor, host, log);
        executor.allowCoreThreadTimeOut(true);
        server.setExecutor(executor);
        server.createContext("/", guarded(s::handle, log));
        server.start();
        s.warmUp();
        return s;
    }

    /**
     * Runs each lever across its range once, in the background, so the Java compiler has done
     * its work before the room moves the first slider (a cold run takes several times longer).
     * The runs are not kept.
     */
    private void warmUp() {
        Thread t = new Thread(() -> {
            for (Lever l : whatIf.levers()) {
                int n = l.values().size(), step = Math.max(1, n / 12);
                for (int i = 0; i < n && !executor.isShutdown(); i += step) {
                    try {
                        Page.JSON.writeValueAsBytes(whatIf.runJson(whatIf.run(Map.of(l.path(), l.values().get(i)))));
                    } catch (IOException | RuntimeException e) {
                        // a position that cannot run is reported when someone picks it
                    }
                }
            }
        }, "pressure-serve-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The address to open in a browser. */
    public String url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : h) + ":" + port() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * {@code handler}, answering 500 with a message when it fails inside; the fault is logged for
     * the person running the server. The exchange is closed only after that answer, so the
     * browser is told rather than seeing its connection dropped.
     */
    static HttpHandler guarded(HttpHandler handler, PrintWriter log) {
        return ex -> {
            try {
                handler.handle(ex);
            } catch (IOException e) {
                // the browser went away mid-answer: nothing to tell anyone
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                synchronized (log) {
                    log.println("pressure serve: internal error answering " + ex.getRequestURI().getPath() + ": " + e);
                    log.flush();
                }
                try {
                    error(ex, 500, "internal error: the server could not answer this request (the terminal running "
                            + "pressure serve says more)");
                } catch (IOException | RuntimeException ignored) {
                    // the answer had already begun
                }
            } finally {
                ex.close();
            }
        };
    }

    private void handle(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        String hostHeader = ex.getRequestHeaders().getFirst("Host");
        if (!hostAllowed(hostHeader)) {
            // a page elsewhere that renamed itself to this address (DNS rebinding) reads nothing
            error(ex, 421, "this server answers only at " + url());
            return;
        }
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        String origin = ex.getRequestHeaders().getFirst("Origin");
        String site = ex.getRequestHeaders().getFirst("Sec-Fetch-Site");
        boolean api = path.startsWith("/api/");
        if (!originAllowed(origin, hostHeader, method, api) || (api && !ownSite(site))) {
            // another page open in the same browser may not drive the server or read its answers
            error(ex, 403, "this server answers only its own page, " + url());
            return;
        }
        // checked after the address, so refused requests cost the page nothing; counted apart
        // for requests from elsewhere, so another page cannot use up the page's own allowance
        String client = ex.getRemoteAddress().getAddress().getHostAddress() + (ownSite(site) ? "" : " other");
        if (!rate(client).allow()) {
            error(ex, 429, "too many requests at once; wait a moment and move the slider again");
            return;
        }
        if (path.equals("/") || path.equals("/index.html")) {
            if (!method.equals("GET") && !method.equals("HEAD")) {
                methodNotAllowed(ex, "GET");
                return;
            }
            ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; "
                    + "style-src 'unsafe-inline'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'");
            send(ex, 200, "text/html; charset=utf-8", page, null);
            return;
        }
        if (!path.equals("/api/run") && !path.equals("/api/variant") && !path.equals("/api/report")) {
            error(ex, 404, "there is nothing at " + truncate(path) + "; the page is at /");
            return;
        }
        if (!method.equals("POST")) {
            methodNotAllowed(ex, "POST");
            return;
        }
        if (!json(ex.getRequestHeaders().getFirst("Content-Type"))) {
            error(ex, 415, "send the lever values as JSON (Content-Type: application/json)");
            return;
        }
        try {
            Map<String, String> values = values(ex);
            runs.acquireUninterruptibly();
            try {
                switch (path) {
                    case "/api/run" -> send(ex, 200, "application/json", run(values), null);
                    case "/api/variant" -> send(ex, 200, "text/yaml; charset=utf-8",
                            whatIf.variantFile(values).getBytes(StandardCharsets.UTF_8), baseName() + "-variant.yaml");
                    default -> report(ex, values);
                }
            } finally {
                runs.release();
            }
        } catch (ScenarioException e) {
            error(ex, 400, message(e));
        } catch (BadRequest e) {
            error(ex, e.status, e.getMessage());
        }
    }

    private RateLimit rate(String client) {
        synchronized (rates) {
            return rates.computeIfAbsent(client, c -> new RateLimit(RATE_PER_SECOND, BURST));
        }
    }

    /**
     * Whether a request was sent by this server's own page, as the browser says in
     * {@code Sec-Fetch-Site}: the page itself ({@code same-origin}), a person typing the address
     * or following a bookmark ({@code none}), or a client that does not say (not a browser). A
     * page on another port of this machine is {@code same-site}, so that is refused too.
     */
    static boolean ownSite(String site) {
        return site == null || site.equals("same-origin") || site.equals("none");
    }

    /**
     * A browser names the page that sent a request in {@code Origin}; only this server's own
     * page, at the address the request was sent to, may send lever values. A request without
     * {@code Origin} (a script, curl) is not from another page and is allowed; a page's plain GET
     * of the page is a navigation and is allowed too.
     */
    static boolean originAllowed(String origin, String hostHeader, String method, boolean api) {
        if (origin == null) return true;
        if (!api && (method.equals("GET") || method.equals("HEAD"))) return true;
        return hostHeader != null && origin.strip().equalsIgnoreCase("http://" + hostHeader.strip());
    }

    /** Whether a Content-Type is JSON in UTF-8: {@code application/json}, with at most a UTF-8 charset. */
    static boolean json(String type) {
        if (type == null) return false;
        String[] parts = type.split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/json")) return false;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
            if (!p.isEmpty() && !p.equals("charset=utf-8")) return false;
        }
        return true;
    }

    /**
     * A run's JSON; the last {@value #CACHED_RUNS} are kept, because a room moves the same slider
     * back and forth. Keyed by the checked assignments.
     */
    private byte[] run(Map<String, String> values) throws IOException {
        List<String> key = whatIf.overrides(values).stream().sorted().toList();
        synchronized (cache) {
            byte[] hit = cache.get(key);
            if (hit != null) return hit;
        }
        byte[] json = Page.JSON.writeValueAsBytes(whatIf.runJson(whatIf.run(values)));
        synchronized (cache) {
            cache.put(key, json);
        }
        return json;
    }

    /**
     * On a loopback address, only requests addressed to this server by a loopback name and its
     * own port are answered: {@code localhost}, {@code 127.0.0.1}, {@code [::1]} or the address
     * it was started on, each followed by exactly {@code :PORT}. Anything else, such as
     * {@code 127.0.0.1.attacker.example}, is a name someone else controls and could point here.
     */
    boolean hostAllowed(String header) {
        if (!loopback(host)) return true;
        if (header == null) return false;
        String h = header.strip().toLowerCase(Locale.ROOT);
        String own = host.contains(":") ? "[" + host.toLowerCase(Locale.ROOT) + "]" : host.toLowerCase(Locale.ROOT);
        for (String name : List.of("localhost", "127.0.0.1", "[::1]", own)) {
            if (h.equals(name + ":" + port()) || (port() == 80 && h.equals(name))) return true;
        }
        return false;
    }

    private static boolean loopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    private void report(HttpExchange ex, Map<String, String> values) throws IOException {
        String query = ex.getRequestURI().getQuery();
        String format = query == null ? "" : query.replaceFirst("^format=", "");
        if (!format.equals("html") && !format.equals("xlsx")) {
            throw new BadRequest(400, "ask for ?format=html or ?format=xlsx");
        }
        List<String> sets = whatIf.overrides(values);
        whatIf.run(values);
        List<ScenarioReport> reports = ScenarioReport.loadAll(List.of(whatIf.file()), sets, new org.pressure.cli.chart.PriceOptions());
        if (format.equals("html")) {
            send(ex, 200, "text/html; charset=utf-8", HtmlReport.render(reports).getBytes(StandardCharsets.UTF_8),
                    baseName() + "-report.html");
            return;
        }
        Path tmp = Files.createTempFile("pressure-report", ".xlsx");
        try {
            XlsxReport.write(reports, tmp);
            send(ex, 200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Files.readAllBytes(tmp),
                    baseName() + "-report.xlsx");
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private String baseName() {
        String name = whatIf.file().getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * Requests are read strictly: one JSON value and nothing after it, no key twice (which of
     * two values would count is a guess), text in UTF-8.
     */
    private static final ObjectReader STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .readerFor(JsonNode.class);

    /**
     * A lever value's exponent, if any, must be a short one: the slider never writes one, and
     * a long one (1e-2147483648%) is text no one meant as a number.
     */
    private static final java.util.regex.Pattern LONG_EXPONENT = java.util.regex.Pattern.compile("[eE][+-]?\\d{4,}");

    /** The lever values of a request body: {@code {"values": {PATH: "VALUE", ...}}}. */
    static Map<String, String> values(HttpExchange ex) throws IOException {
        return values(read(ex.getRequestBody()));
    }

    static Map<String, String> values(byte[] body) {
        JsonNode root;
        try {
            root = STRICT.readValue(body);
        } catch (IOException e) {
            throw new BadRequest(400, "the request is not JSON" + (e.getMessage() != null
                    && e.getMessage().startsWith("Duplicate field") ? " with each key once" : "")
                    + "; send {\"values\": {\"PATH\": \"VALUE\"}}");
        }
        if (root == null || !root.isObject()) {
            throw new BadRequest(400, "send {\"values\": {\"PATH\": \"VALUE\"}}, e.g. {\"values\": "
                    + "{\"services.prevention.floor\": \"30%\"}}");
        }
        for (var names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("values")) {
                throw new BadRequest(400, "unknown key `" + truncate(name) + "`; send only {\"values\": {\"PATH\": \"VALUE\"}}");
            }
        }
        JsonNode v = root.get("values");
        if (v == null || v.isNull()) return Map.of();
        if (!v.isObject()) throw new BadRequest(400, "`values` should map each lever's path to its value as text");
        if (v.size() > Levers.MAX_LEVERS) throw new BadRequest(400, "more values than the page has levers");
        Map<String, String> out = new LinkedHashMap<>();
        var it = v.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().isTextual()) {
                throw new BadRequest(400, truncate(e.getKey()) + ": give the value as text, e.g. \"2.5%\" or \"40\"");
            }
            String value = e.getValue().textValue();
            if (LONG_EXPONENT.matcher(value).find()) {
                throw new BadRequest(400, truncate(e.getKey()) + ": " + Numbers.badNumber(value));
            }
            out.put(e.getKey(), value);
        }
        return out;
    }

    private static byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_BODY_BYTES) {
                throw new BadRequest(413, "the request is larger than " + MAX_BODY_BYTES + " bytes");
            }
        }
        return out.toByteArray();
    }

    /** Every problem on its own line, paths and values quoted briefly. */
    static String message(ScenarioException e) {
        StringBuilder s = new StringBuilder();
        for (Problem p : e.problems()) {
            if (!s.isEmpty()) s.append('\n');
            s.append(p);
        }
        return s.toString();
    }

    private static String truncate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private static void methodNotAllowed(HttpExchange ex, String allowed) throws IOException {
        ex.getResponseHeaders().set("Allow", allowed);
        error(ex, 405, "use " + allowed + " here");
    }

    private static void error(HttpExchange ex, int status, String message) throws IOException {
        send(ex, status, "application/json", Page.JSON.writeValueAsBytes(Map.of("error", message)), null);
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body, String attachment) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        if (attachment != null) {
            ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + attachment + "\"");
        }
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** A request the server will not answer, with its HTTP status. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        BadRequest(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** A token bucket: {@code rate} requests a second on average, {@code burst} at once. */
    static final class RateLimit {
        private final double rate;
        private final double burst;
        private double tokens;
        private long last = System.nanoTime();

        RateLimit(double rate, double burst) {
            this.rate = rate;
            this.burst = burst;
            this.tokens = burst;
        }

        synchronized boolean allow() {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens < 1) return false;
            tokens -= 1;
            return true;
        }
    }
}
