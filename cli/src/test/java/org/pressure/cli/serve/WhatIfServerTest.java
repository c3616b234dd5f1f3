package org.pressure.cli.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.Indicators;
import org.pressure.engine.council.Scenarios;

/** Every endpoint of the what-if server over real HTTP, with good and bad requests. */
class WhatIfServerTest {
    @TempDir
    static Path dir;
    static Path file;
    static WhatIfServer server;
    static final StringWriter log = new StringWriter();
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws IOException {
        file = WhatIfFixture.write(dir);
        server = WhatIfServer.start(WhatIf.load(file, List.of(), false), "127.0.0.1", 0, new PrintWriter(log, true));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<byte[]> post(String path, String type, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (type != null) b.header("Content-Type", type);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> post(String path, String body) throws IOException, InterruptedException {
        return post(path, "application/json", body);
    }

    static String error(HttpResponse<byte[]> r) throws IOException {
        return JSON.readTree(r.body()).get("error").asText();
    }

    @Test
    void the_page_is_one_file_that_asks_nothing_of_any_other_server() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("text/html; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElseThrow().startsWith("default-src 'none'"));
        String page = r.body();
        assertTrue(page.contains("<title>Example council: what if?</title>"), page.substring(0, 400));
        assertFalse(page.contains("src=\"http"), "no script or image from elsewhere");
        assertFalse(page.contains("href=\"http"), "no style sheet from elsewhere");
        assertTrue(page.contains("\"mode\":\"serve\""));
        // the levers and their source comments are in the page
        assertTrue(page.contains("\"path\":\"services.prevention.floor\""));
        assertTrue(page.contains("ASSUMPTION: a quarter of prevention is protected"));
    }

    @Test
    void a_run_is_exactly_the_run_of_pressure_run_with_set() throws Exception {
        HttpResponse<byte[]> r = post("/api/run",
                "{\"values\": {\"services.prevention.floor\": \"60%\", \"drivers.pop_65_plus.growth\": \"3.1%\"}}");
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        JsonNode run = JSON.readTree(r.body());
        CouncilResult expected = Scenarios.compile(file,
                List.of("services.prevention.floor=60%", "drivers.pop_65_plus.growth=3.1%")).run();
        JsonNode in = run.get("summary").get("indicators");
        expected.indicators().asMap().forEach((name, value) -> {
            if (value == null) assertTrue(in.get(name).isNull(), name);
            else assertEquals(((Number) value).doubleValue(), in.get(name).asDouble(), 0.0, name);
        });
        double[] reserves = JSON.convertValue(run.get("columns").get("reserves"), double[].class);
        assertArrayEquals(expected.column("reserves"), reserves, 0.0);
        assertTrue(run.get("columns").has("service.prevention.funded"));
        assertTrue(run.get("columns").has("service.adult_social_care.cost"));
    }

    @Test
    void no_values_is_the_scenario_as_written() throws Exception {
        JsonNode run = JSON.readTree(post("/api/run", "{\"values\": {}}").body());
        assertEquals(WhatIfFixture.runWithSet(file).crossoverYear(),
                run.get("summary").get("indicators").get("crossover_year").isNull() ? null
                        : run.get("summary").get("indicators").get("crossover_year").asInt());
    }

    @Test
    void bad_values_are_messages_that_name_the_lever_and_what_would_be_right() throws Exception {
        assertBad("{\"values\": {\"services.prevention.floor\": \"lots\"}}", 400, "services.prevention.floor: `lots` is not "
                + "a number; write a plain number such as 2.5 or -1e3, or a percentage such as 4.99%");
        assertBad("{\"values\": {\"services.prevention.floor\": \"150%\"}}", 400,
                "services.prevention.floor: `150%` is outside this lever's range, 0% to 100%");
        assertBad("{\"values\": {\"services.prevention.floor\": \"1e400\"}}", 400, "services.prevention.floor: `1e400` is "
                + "not a number; write a plain number such as 2.5 or -1e3, or a percentage such as 4.99%");
        // nothing a page sends becomes an expression or names a file
        assertBad("{\"values\": {\"services.prevention.floor\": \"=income * 2\"}}", 400, "services.prevention.floor: "
                + "`=income * 2` is not a number; write a plain number such as 2.5 or -1e3, or a percentage such as 4.99%");
        assertBad("{\"values\": {\"income.grant\": \"{csv: /etc/passwd, column: root}\"}}", 400,
                "income.grant: not one of this page's levers (drivers.pop_65_plus.growth, income.council_tax.growth, "
                        + "income.grant.growth, services.adult_social_care.unit_cost.growth, "
                        + "services.childrens_social_care.cost.growth, services.prevention.cost.growth, "
                        + "services.prevention.floor, services.other.cost.growth, "
                        + "failure_demand.0.clients_per_m, budget.reserves.opening, budget.reserves.minimum)");
        assertBad("{\"values\": {\"services.prevention.floor\": 30}}", 400,
                "services.prevention.floor: give the value as text, e.g. \"2.5%\" or \"40\"");
        assertBad("{\"values\": {\"services.prevention.floor\": \"" + "9".repeat(41) + "\"}}", 400,
                "services.prevention.floor: give the value as text of at most 40 characters");
        assertBad("not json", 400, "the request is not JSON; send {\"values\": {\"PATH\": \"VALUE\"}}");
        assertBad("[1, 2]", 400, "send {\"values\": {\"PATH\": \"VALUE\"}}, e.g. {\"values\": "
                + "{\"services.prevention.floor\": \"30%\"}}");
        assertBad("{\"values\": [1]}", 400, "`values` should map each lever's path to its value as text");
        assertBad("{\"values\": {\"a\": \"" + "x".repeat(WhatIfServer.MAX_BODY_BYTES) + "\"}}", 413,
                "the request is larger than 16384 bytes");
        // two problems at once: both reported
        HttpResponse<byte[]> r = post("/api/run", "{\"values\": {\"services.other.cost.growth\": \"x\", \"budget.reserves.opening\": \"-5\"}}");
        assertEquals("services.other.cost.growth: `x` is not a number; write a plain number such as 2.5 or -1e3, or a "
                + "percentage such as 4.99%\nbudget.reserves.opening: `-5` is outside this lever's range, 0 to 80", error(r));
        // and the server still answers
        assertEquals(200, post("/api/run", "{\"values\": {\"services.prevention.floor\": \"50%\"}}").statusCode());
        assertEquals("", log.toString(), "no internal error was logged");
    }

    private static void assertBad(String body, int status, String message) throws Exception {
        HttpResponse<byte[]> r = post("/api/run", body);
        assertEquals(status, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(message, error(r));
    }

    @Test
    void requests_that_are_not_the_page_s_are_refused() throws Exception {
        HttpResponse<byte[]> r = post("/api/run", "text/plain", "{\"values\": {}}");
        assertEquals(415, r.statusCode());
        assertEquals("send the lever values as JSON (Content-Type: application/json)", error(r));
        r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "api/run")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(405, r.statusCode());
        assertEquals("POST", r.headers().firstValue("Allow").orElseThrow());
        r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "../../etc/passwd")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(404, r.statusCode());
        r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "example.yaml")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(404, r.statusCode(), "the scenario file itself is not served");
        r = post("/", "{}");
        assertEquals(405, r.statusCode());
    }

    @Test
    void a_page_from_another_name_for_this_address_is_not_answered() throws IOException {
        int port = server.port();
        assertTrue(server.hostAllowed("127.0.0.1:" + port));
        assertTrue(server.hostAllowed("localhost:" + port));
        assertTrue(server.hostAllowed("LOCALHOST:" + port));
        assertTrue(server.hostAllowed("[::1]:" + port));
        assertFalse(server.hostAllowed("attacker.example:" + port));
        assertFalse(server.hostAllowed(null));
        // names an attacker can point at 127.0.0.1 (DNS rebinding), and the wrong port
        for (String h : List.of("127.evil.com", "127.0.0.1.attacker.example", "[::1].evil.com", "localhost.evil.com",
                "evil.com#127.0.0.1", "127.0.0.1:" + port)) {
            assertFalse(server.hostAllowed(h + ":" + port), h);
        }
        assertFalse(server.hostAllowed("127.0.0.1"), "no port: port 80, not this one");
        assertFalse(server.hostAllowed("127.0.0.1:" + (port + 1)));
        assertFalse(server.hostAllowed("127.0.0.1:" + port + ".evil.com"));
        // over the wire: the address is checked before anything else
        assertTrue(raw("GET / HTTP/1.1\r\nHost: 127.0.0.1.attacker.example:" + port + "\r\n\r\n").startsWith("HTTP/1.1 421"));
        assertTrue(raw("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n").startsWith("HTTP/1.1 200"));
    }

    /** Sends {@code request} as written and returns the whole answer as text. */
    static String raw(String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String rawPost(String headers, String body) throws IOException {
        return raw("POST /api/run HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nContent-Type: application/json\r\n"
                + headers + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n"
                + body);
    }

    @Test
    void another_page_in_the_same_browser_cannot_send_values() throws IOException {
        String body = "{\"values\": {\"services.prevention.floor\": \"40%\"}}";
        String own = "http://127.0.0.1:" + server.port();
        assertTrue(rawPost("Origin: " + own + "\r\nSec-Fetch-Site: same-origin\r\n", body).startsWith("HTTP/1.1 200"));
        for (String headers : List.of("Origin: http://attacker.example\r\n", "Origin: null\r\n",
                "Origin: http://127.0.0.1:" + (server.port() + 1) + "\r\n", "Sec-Fetch-Site: cross-site\r\n",
                "Sec-Fetch-Site: same-site\r\n")) {
            String answer = rawPost(headers, body);
            assertTrue(answer.startsWith("HTTP/1.1 403"), headers + answer);
            assertTrue(answer.endsWith("{\"error\":\"this server answers only its own page, " + server.url() + "\"}"), answer);
        }
    }

    @Test
    void another_page_using_up_its_allowance_does_not_use_up_the_page_s() throws IOException {
        String get = "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nSec-Fetch-Site: cross-site\r\n"
                + "Connection: close\r\n\r\n";
        int refused = 0;
        for (int i = 0; i < 2 * WhatIfServer.BURST; i++) {
            if (raw(get).startsWith("HTTP/1.1 429")) refused++;
        }
        assertTrue(refused >= 10, "the other page's requests beyond its burst are turned away: " + refused);
        assertTrue(rawPost("Sec-Fetch-Site: same-origin\r\n", "{\"values\": {}}").startsWith("HTTP/1.1 200"));
    }

    @Test
    void slow_clients_do_not_stall_the_page() throws Exception {
        List<java.net.Socket> slow = new java.util.ArrayList<>();
        try {
            // more than a couple of clients that begin a request and never finish it
            for (int i = 0; i < 12; i++) {
                java.net.Socket s = new java.net.Socket("127.0.0.1", server.port());
                s.getOutputStream().write(("POST /api/run HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nContent-Length: 100\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                s.getOutputStream().flush();
                slow.add(s);
            }
            Thread.sleep(200);
            long t0 = System.nanoTime();
            assertEquals(200, post("/api/run", "{\"values\": {\"services.prevention.floor\": \"35%\"}}").statusCode());
            assertTrue(System.nanoTime() - t0 < 3_000_000_000L, "answered while the slow clients wait");
        } finally {
            for (java.net.Socket s : slow) s.close();
        }
    }

    @Test
    void an_internal_fault_is_a_500_with_a_message_not_a_dropped_connection() throws Exception {
        com.sun.net.httpserver.HttpServer bare = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        StringWriter faults = new StringWriter();
        bare.createContext("/", WhatIfServer.guarded(ex -> {
            throw new IllegalStateException("a fault inside");
        }, new PrintWriter(faults, true)));
        bare.start();
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + bare.getAddress().getPort() + "/api/run")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(500, r.statusCode());
            assertEquals("internal error: the server could not answer this request (the terminal running pressure serve "
                    + "says more)", error(r));
            assertEquals("pressure serve: internal error answering /api/run: java.lang.IllegalStateException: a fault inside",
                    faults.toString().strip());
        } finally {
            bare.stop(0);
        }
    }

    @Test
    void requests_are_read_strictly() throws Exception {
        assertBad("{\"values\": {}} trailing", 400, "the request is not JSON; send {\"values\": {\"PATH\": \"VALUE\"}}");
        assertBad("{\"values\": {}}{\"values\": {}}", 400, "the request is not JSON; send {\"values\": {\"PATH\": \"VALUE\"}}");
        assertBad("{\"values\": {\"services.prevention.floor\": \"40%\", \"services.prevention.floor\": \"90%\"}}", 400,
                "the request is not JSON with each key once; send {\"values\": {\"PATH\": \"VALUE\"}}");
        assertBad("{\"values\": {}, \"extra\": 1}", 400, "unknown key `extra`; send only {\"values\": {\"PATH\": \"VALUE\"}}");
        assertBad("{\"values\": {\"services.prevention.floor\": \"1e-2147483648%\"}}", 400, "services.prevention.floor: "
                + "`1e-2147483648%` is not a number; write a plain number such as 2.5 or -1e3, or a percentage such as 4.99%");
        assertBad("{\"values\": {\"budget.reserves.opening\": \"1e+99999\"}}", 400, "budget.reserves.opening: "
                + "`1e+99999` is not a number; write a plain number such as 2.5 or -1e3, or a percentage such as 4.99%");
        for (String type : List.of("application/jsonp", "application/json-patch+json", "text/json",
                "application/json; charset=latin1")) {
            assertEquals(415, post("/api/run", type, "{\"values\": {}}").statusCode(), type);
        }
        assertEquals(200, post("/api/run", "application/json; charset=UTF-8", "{\"values\": {}}").statusCode());
        assertEquals("", log.toString(), "no internal error was logged");
    }

    @Test
    void the_saved_variant_extends_the_scenario_with_only_the_changed_values_and_runs_as_the_page_showed() throws Exception {
        String body = "{\"values\": {\"services.prevention.floor\": \"40%\", \"income.grant.growth\": \"-2%\", "
                + "\"failure_demand.0.clients_per_m\": \"50\", \"budget.reserves.opening\": \"40\"}}";
        HttpResponse<byte[]> r = post("/api/variant", body);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("attachment; filename=\"example-variant.yaml\"", r.headers().firstValue("Content-Disposition").orElseThrow());
        String yaml = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals("""
                # A variant of example.yaml, saved from the what-if page of `pressure serve`.
                # Keep it in the same folder as example.yaml. It changes only:
                #   income.grant.growth: -1% -> -2%
                #   services.prevention.floor: 25% -> 40%
                #   failure_demand.0.clients_per_m: 35 -> 50
                extends: example.yaml
                income:
                  grant: {start: 80, growth: -2%}
                services:
                  prevention:
                    floor: 40%
                failure_demand: [{from: prevention, to: adult_social_care, clients_per_m: 50, delay: 2}]
                """, yaml);
        Path variant = dir.resolve("example-variant.yaml");
        Files.writeString(variant, yaml);
        Indicators saved = Scenarios.compile(variant, List.of()).run().indicators();
        Indicators set = WhatIfFixture.runWithSet(file, "services.prevention.floor=40%", "income.grant.growth=-2%",
                "failure_demand.0.clients_per_m=50");
        assertEquals(set, saved);
    }

    @Test
    void a_variant_with_a_bad_value_is_not_offered() throws Exception {
        HttpResponse<byte[]> r = post("/api/variant", "{\"values\": {\"services.prevention.floor\": \"lots\"}}");
        assertEquals(400, r.statusCode());
        assertTrue(error(r).startsWith("services.prevention.floor: `lots` is not a number"));
    }

    @Test
    void the_report_of_the_variant_downloads_as_html_or_xlsx() throws Exception {
        String body = "{\"values\": {\"services.prevention.floor\": \"40%\"}}";
        HttpResponse<byte[]> html = post("/api/report?format=html", body);
        assertEquals(200, html.statusCode());
        assertEquals("attachment; filename=\"example-report.html\"", html.headers().firstValue("Content-Disposition").orElseThrow());
        String page = new String(html.body(), StandardCharsets.UTF_8);
        assertTrue(page.contains("Example council"));
        assertTrue(page.contains("set by --set services.prevention.floor=40%"), "the report lists the changed value");
        HttpResponse<byte[]> xlsx = post("/api/report?format=xlsx", body);
        assertEquals(200, xlsx.statusCode());
        assertEquals('P', (char) xlsx.body()[0]);
        assertEquals('K', (char) xlsx.body()[1]);
        HttpResponse<byte[]> pdf = post("/api/report?format=pdf", body);
        assertEquals(400, pdf.statusCode());
        assertEquals("ask for ?format=html or ?format=xlsx", error(pdf));
        assertEquals(400, post("/api/report?format=html", "{\"values\": {\"services.prevention.floor\": \"-1%\"}}").statusCode());
    }

    @Test
    void requests_beyond_the_rate_are_turned_away() {
        WhatIfServer.RateLimit limit = new WhatIfServer.RateLimit(1, 3);
        assertTrue(limit.allow());
        assertTrue(limit.allow());
        assertTrue(limit.allow());
        assertFalse(limit.allow(), "a fourth request within a second of three");
    }

    @Test
    void json_in_the_page_cannot_close_its_script_element() {
        String json = Page.json(Map.of("name", "</script><!--<script>alert(1)</script>"));
        assertEquals("{\"name\":\"\\u003c/script>\\u003c!--\\u003cscript>alert(1)\\u003c/script>\"}", json);
        assertEquals("</script><!--<script>alert(1)</script>", assertDoesNotThrow(() -> JSON.readTree(json)).get("name").asText());
    }
}
