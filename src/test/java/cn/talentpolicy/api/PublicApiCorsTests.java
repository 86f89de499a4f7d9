package cn.talentpolicy.api;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A portal listed in talent.api.cors-allowed-origins (the test configuration lists one) may call the public API
 * from its own pages; other origins, and the ruleset administration, get no CORS permission.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicApiCorsTests {

    static final String PORTAL = "https://portal.example.gov.cn";

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> preflight(String path, String method, String origin) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "content-type").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aListedPortalMayEvaluateAndListPoliciesFromItsPages() throws Exception {
        HttpResponse<String> evaluate = preflight("/api/v1/evaluations", "POST", PORTAL);
        assertThat(evaluate.statusCode()).isEqualTo(200);
        assertThat(evaluate.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PORTAL);
        assertThat(evaluate.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();

        HttpResponse<String> policies = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/policies/jinan_rent_subsidy"))
                .header("Origin", PORTAL).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(policies.statusCode()).isEqualTo(200);
        assertThat(policies.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PORTAL);
    }

    @Test
    void otherOriginsAndTheRulesetAdministrationAreNotOpened() throws Exception {
        assertThat(preflight("/api/v1/evaluations", "POST", "https://elsewhere.example.com").statusCode()).isEqualTo(403);
        HttpResponse<String> reload = preflight("/api/v1/rulesets/reload", "POST", PORTAL);
        assertThat(reload.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
