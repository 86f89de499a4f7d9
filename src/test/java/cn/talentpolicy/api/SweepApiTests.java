package cn.talentpolicy.api;

import cn.talentpolicy.facts.Regions;
import cn.talentpolicy.security.TestIdentityProvider;
import cn.talentpolicy.sweeps.SweepProperties;
import cn.talentpolicy.sweeps.TestPopulation;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Policy finds people through HTTP: upload a population, follow the job, download the results, and every
 * refusal as a problem. The population is made of the contract's certification examples
 * ({@link TestPopulation}), twelve people and a malformed seventh line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SweepApiTests {

    static final String NDJSON = "application/x-ndjson";

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    static final String OFFICER = TestIdentityProvider.officer(Regions.QINGDAO);

    @BeforeEach
    void contract() throws IOException {
        ContractTests.loadContract();
    }

    @Test
    void sweepsAnUploadedPopulationAndOffersResultsThatAgreeWithTheirSummary() throws Exception {
        HttpResponse<String> accepted = post("/api/v1/sweeps?asOf=2026-11-28", NDJSON, TestPopulation.jsonl(12, 7));

        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode queued = json(accepted);
        ContractTests.assertConforms("SweepJob", queued);
        String id = queued.get("sweepId").asText();
        assertThat(queued.get("status").asText()).isEqualTo("QUEUED");
        assertThat(queued.get("asOf").asText()).isEqualTo("2026-11-28");
        assertThat(accepted.headers().firstValue("Location")).contains("/api/v1/sweeps/" + id);

        JsonNode done = awaitEnd(id);
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("rulesetVersion").asText())
                .isEqualTo(json(get("/api/v1/rulesets/current")).get("rulesetVersion").asText());
        assertThat(done.at("/progress/done").asLong()).isEqualTo(13);
        assertThat(done.at("/progress/total").asLong()).isEqualTo(13);
        assertThat(done.at("/progress/percent").asDouble()).isEqualTo(100.0);

        HttpResponse<String> summaryResponse = get(done.at("/results/summary").asText());
        assertThat(summaryResponse.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode summary = json(summaryResponse);
        ContractTests.assertConforms("SweepSummary", summary);
        assertThat(summary.get("asOf").asText()).isEqualTo("2026-11-28");
        assertThat(summary.get("entries").asLong()).isEqualTo(13);
        assertThat(summary.get("people").asLong()).isEqualTo(12);

        List<JsonNode> claims = jsonLines(download(done.at("/results/claimable").asText(), NDJSON));
        assertThat(claims).isNotEmpty().hasSize(summary.get("claims").asInt());
        claims.forEach(claim -> ContractTests.assertConforms("SweepClaim", claim));
        assertThat(claims.stream().map(c -> c.get("total").decimalValue()).reduce(java.math.BigDecimal.ZERO,
                java.math.BigDecimal::add)).isEqualByComparingTo(summary.get("amount").decimalValue());

        List<JsonNode> rejects = jsonLines(download(done.at("/results/rejects").asText(), NDJSON));
        assertThat(rejects).hasSize(summary.get("rejected").asInt()).singleElement().satisfies(reject -> {
            ContractTests.assertConforms("SweepReject", reject);
            assertThat(reject.get("line").asInt()).isEqualTo(7);
            assertThat(reject.at("/problems/0/message").asText()).startsWith("is not JSON");
        });

        List<String> outcomes = download(done.at("/results/outcomes").asText(), "text/tab-separated-values")
                .lines().toList();
        assertThat(outcomes.get(0)).startsWith("personId\tregion\t");
        assertThat(outcomes).hasSize(1 + summary.get("people").asInt());
        assertThat(download(done.at("/results/summaryPage").asText(), "text/html")).startsWith("<!DOCTYPE html>");

        JsonNode listing = json(get("/api/v1/sweeps"));
        ContractTests.assertConforms("SweepJobList", listing);
        assertThat(listing.get("sweeps").findValuesAsText("sweepId")).contains(id);
    }

    @Test
    void takesJsonLinesUnderItsOtherNameAndSweepsAtTodayInShandongByDefault() throws Exception {
        LocalDate before = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        HttpResponse<String> accepted = post("/api/v1/sweeps", "application/jsonl", TestPopulation.jsonl(2, 3));
        LocalDate after = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(LocalDate.parse(json(accepted).get("asOf").asText())).isIn(before, after);
        assertThat(json(accepted).get("format").asText()).isEqualTo("JSONL");
    }

    @Test
    void refusesWhatItCannotSweepWithAProblemAndKeepsNothing() throws Exception {
        int jobsBefore = json(get("/api/v1/sweeps")).get("sweeps").size();

        HttpResponse<String> plainText = post("/api/v1/sweeps", "text/plain", TestPopulation.jsonl(2, 3));
        assertProblem(plainText, 415);

        HttpResponse<String> badDate = post("/api/v1/sweeps?asOf=2026-02-30", NDJSON, TestPopulation.jsonl(2, 3));
        assertProblem(badDate, 400);
        assertThat(json(badDate).at("/errors/0/field").asText()).isEqualTo("asOf");

        HttpResponse<String> longAgo = post("/api/v1/sweeps?asOf=1899-12-31", NDJSON, TestPopulation.jsonl(2, 3));
        assertProblem(longAgo, 400);
        assertThat(json(longAgo).at("/errors/0/field").asText()).isEqualTo("asOf");

        HttpResponse<String> empty = post("/api/v1/sweeps", NDJSON, new byte[0]);
        assertProblem(empty, 400);
        assertThat(json(empty).get("type").asText()).isEqualTo("/problems/empty-population");

        assertThat(statusLineOfAnUploadDeclaring(SweepProperties.DEFAULT_MAX_UPLOAD_BYTES + 1)).contains(" 413 ");
        assertThat(json(get("/api/v1/sweeps")).get("sweeps").size()).isEqualTo(jobsBefore);
    }

    @Test
    void anUnknownOrMisshapenIdIsA404NamingIt() throws Exception {
        for (String path : List.of("/api/v1/sweeps/sweep-00000000000000000000", "/api/v1/sweeps/not-a-sweep/summary",
                "/api/v1/sweeps/sweep-00000000000000000000/claimable")) {
            HttpResponse<String> response = get(path);
            assertProblem(response, 404);
            assertThat(json(response).get("type").asText()).as(path).isEqualTo("/problems/unknown-sweep");
            assertThat(json(response).at("/errors/0/field").asText()).isEqualTo("sweepId");
        }
        // an address that tries to climb out of the sweeps is refused before any controller sees it
        HttpResponse<String> climbing = get("/api/v1/sweeps/..%2e/outcomes");
        assertProblem(climbing, 400);
        assertThat(json(climbing).get("type").asText()).isEqualTo("/problems/rejected-address");
    }

    @Test
    void aSweepWithoutResultsAnswers409ForThemAndSaysWhy() throws Exception {
        // a file exported from a system writing GBK, as many government systems still do
        byte[] gbk = (ApiClient.JSON.writeValueAsString(ApiClient.JSON.createObjectNode().put("personId", "张三"))
                + "\n").getBytes("GBK");
        String id = json(post("/api/v1/sweeps?asOf=2026-11-28", NDJSON, gbk)).get("sweepId").asText();

        JsonNode failed = awaitEnd(id);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("reason").asText()).contains("not UTF-8");
        assertThat(failed.has("results")).isFalse();
        for (String result : List.of("summary", "summary.html", "claimable", "rejects", "outcomes")) {
            HttpResponse<String> response = get("/api/v1/sweeps/" + id + "/" + result);
            assertProblem(response, 409);
            assertThat(json(response).get("type").asText()).isEqualTo("/problems/sweep-not-done");
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    JsonNode awaitEnd(String id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            JsonNode job = json(get("/api/v1/sweeps/" + id));
            ContractTests.assertConforms("SweepJob", job);
            if (List.of("DONE", "FAILED", "INTERRUPTED").contains(job.get("status").asText())
                    || System.nanoTime() > deadline) {
                return job;
            }
            Thread.sleep(100);
        }
    }

    /** The status line answering a request that declares a body over the limit and sends none of it. */
    String statusLineOfAnUploadDeclaring(long bytes) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/sweeps HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + NDJSON
                    + "\r\nAuthorization: " + OFFICER + "\r\nContent-Length: " + bytes + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    static void assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        ContractTests.assertConforms("Problem", json(response));
    }

    String download(String path, String type) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith(type));
        return response.body();
    }

    static List<JsonNode> jsonLines(String text) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.lines().toList()) {
            lines.add(ApiClient.JSON.readTree(line));
        }
        return lines;
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return ApiClient.JSON.readTree(response.body());
    }

    HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                        .header("Authorization", OFFICER)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", OFFICER).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
