package cn.talentpolicy.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The public evaluation endpoint's limit per client, over loopback, at a limit of 3 a minute. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "talent.rate-limit.evaluations-per-minute=3")
class RateLimitTests {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theFourthEvaluationInAMinuteIs429WithRetryAfterAndOtherCallsAreNotLimited() throws Exception {
        for (int i = 1; i <= 3; i++) {
            assertThat(evaluate().statusCode()).as("evaluation %d", i).isEqualTo(200);
        }
        HttpResponse<String> refused = evaluate();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(new ObjectMapper().readTree(refused.body()).get("type").asText())
                .isEqualTo("/problems/too-many-requests");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).as("a third of a minute refills one").isBetween(1L, 20L);

        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/policies"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> evaluate() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/evaluations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(
                        Files.readAllBytes(Path.of("api-spec/examples/evaluation-jinan-master-living-subsidy.request.json"))))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
