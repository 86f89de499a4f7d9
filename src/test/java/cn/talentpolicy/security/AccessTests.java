package cn.talentpolicy.security;

import cn.talentpolicy.facts.Regions;
import cn.talentpolicy.sweeps.TestPopulation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the contract, called as its {@code x-roles} say: with no credentials (401 unless public),
 * with a role it does not name (403), as an officer of another region (404 for what belongs to one region), and
 * with each role it names (success). The tokens go through the real filter chain, signed by the test identity
 * provider; a local user signs in with HTTP Basic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // tests leave metrics out unless asked: these check the endpoint
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String CLERK = "qingdao-clerk";
    static final String CLERK_PASSWORD = Base64.getUrlEncoder().encodeToString(new SecureRandom().generateSeed(12));
    static final String QINGDAO_OFFICER = TestIdentityProvider.officer(Regions.QINGDAO);
    static final String JINAN_OFFICER = TestIdentityProvider.officer(Regions.JINAN);

    @DynamicPropertySource
    static void localUser(DynamicPropertyRegistry registry) {
        registry.add("talent.security.users." + CLERK + ".password",
                () -> "{bcrypt}" + new BCryptPasswordEncoder().encode(CLERK_PASSWORD));
        registry.add("talent.security.users." + CLERK + ".roles", () -> Roles.OFFICER);
        registry.add("talent.security.users." + CLERK + ".region", () -> Regions.QINGDAO);
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final HttpClient http = HttpClient.newHttpClient();
    JsonNode spec;
    String sweepId;
    String certificationId;
    /** A decision recorded by Qingdao's officer: its certification. */
    String decisionId;

    @BeforeAll
    void madeByQingdao() throws Exception {
        spec = new ObjectMapper(new YAMLFactory()).readTree(Path.of("api-spec/openapi.yaml").toFile());
        sweepId = finishedSweep(QINGDAO_OFFICER);
        HttpResponse<String> certified = send("POST", "/api/v1/certifications", QINGDAO_OFFICER,
                "application/json", example("certification-overseas-postdoc.request.json"));
        assertThat(certified.statusCode()).as(certified.body()).isEqualTo(200);
        certificationId = JSON.readTree(certified.body()).get("certificationId").asText();
        decisionId = JSON.readTree(certified.body()).get("decisionId").asText();
    }

    @Test
    void everyOperationAnswersAsItsRolesSay() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                List<String> roles = new ArrayList<>();
                op.getValue().path("x-roles").forEach(role -> roles.add(role.asText()));
                String what = method + " " + path.getKey();
                assertThat(roles).as("%s says who may call it (x-roles)", what).isNotEmpty();
                checkOperation(method, path.getKey(), op.getValue().get("operationId").asText(), roles);
                checked.add(what);
            }
        }
        List<String> served = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("cn.talentpolicy")) {
                info.getPatternValues().forEach(path -> info.getMethodsCondition().getMethods()
                        .forEach(method -> served.add(method.name() + " " + path)));
            }
        });
        assertThat(checked).as("every endpoint the service serves was checked, so the contract has it")
                .containsAll(served).contains("GET /actuator/health/readiness", "GET /actuator/prometheus");
    }

    void checkOperation(String method, String template, String operationId, List<String> roles) throws Exception {
        String what = method + " " + template;
        if (roles.equals(List.of("public"))) {
            assertThat(call(method, template, operationId, null).statusCode()).as("%s, no credentials", what)
                    .isBetween(200, 299);
            return;
        }
        HttpResponse<String> anonymous = call(method, template, operationId, null);
        assertThat(anonymous.statusCode()).as("%s, no credentials", what).isEqualTo(401);
        assertProblem(anonymous, "/problems/unauthorized");
        assertThat(anonymous.headers().allValues("WWW-Authenticate")).as(what).anyMatch(h -> h.startsWith("Basic"));

        for (String role : List.of(Roles.POLICY_ADMIN, Roles.AUDITOR, Roles.OFFICER)) {
            HttpResponse<String> response = call(method, template, operationId, token(role));
            if (roles.contains(role)) {
                assertThat(response.statusCode()).as("%s as %s: %s", what, role, response.body()).isBetween(200, 299);
            } else {
                assertThat(response.statusCode()).as("%s as %s", what, role).isEqualTo(403);
                assertProblem(response, "/problems/forbidden");
            }
        }
        // (a person's decisions list, for another region's officer, is empty: there is nothing of theirs to find)
        if (roles.contains(Roles.OFFICER) && template.contains("Id}") && !template.contains("{personId}")) {
            HttpResponse<String> elsewhere = call(method, template, operationId, JINAN_OFFICER);
            assertThat(elsewhere.statusCode()).as("%s as Jinan's officer, on Qingdao's", what).isEqualTo(404);
        }
    }

    @Test
    void anOfficerSeesTheSweepsAndCertificationsOfTheirRegionAndThoseInsideItOnly() throws Exception {
        for (String caller : List.of(QINGDAO_OFFICER, TestIdentityProvider.officer(Regions.SHANDONG),
                TestIdentityProvider.auditor(), basic(CLERK, CLERK_PASSWORD))) {
            assertThat(listedSweeps(caller)).as("Qingdao, the province, an auditor, Qingdao's clerk").contains(sweepId);
            assertThat(send("GET", "/api/v1/certifications/" + certificationId, caller, null, null).statusCode())
                    .isEqualTo(200);
        }
        for (String caller : List.of(JINAN_OFFICER, TestIdentityProvider.officer(Regions.LAOSHAN))) {
            assertThat(listedSweeps(caller)).as("Jinan, and Laoshan inside Qingdao").doesNotContain(sweepId);
            HttpResponse<String> sweep = send("GET", "/api/v1/sweeps/" + sweepId, caller, null, null);
            assertThat(sweep.statusCode()).isEqualTo(404);
            assertProblem(sweep, "/problems/unknown-sweep");
            HttpResponse<String> unknown = send("GET", "/api/v1/sweeps/sweep-00000000000000000000", caller, null,
                    null);
            assertThat(JSON.readTree(sweep.body()).get("detail").asText().replace(sweepId, "ID"))
                    .as("another region's sweep reads as an unknown one").isEqualTo(JSON.readTree(unknown.body())
                            .get("detail").asText().replace("sweep-00000000000000000000", "ID"));
            assertThat(send("GET", "/api/v1/certifications/" + certificationId, caller, null, null).statusCode())
                    .isEqualTo(404);
            assertThat(send("DELETE", "/api/v1/sweeps/" + sweepId, caller, null, null).statusCode()).isEqualTo(404);
        }
        assertThat(listedSweeps(QINGDAO_OFFICER)).as("nothing was deleted by another region").contains(sweepId);
    }

    @Test
    void anOfficerWhoIsAlsoAnAuditorReadsEveryRegionButDeletesOnlyInHerOwn() throws Exception {
        String both = TestIdentityProvider.bearer("jinan-officer-and-auditor", Regions.JINAN,
                List.of(Roles.OFFICER, Roles.AUDITOR));
        assertThat(send("GET", "/api/v1/sweeps/" + sweepId, both, null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> delete = send("DELETE", "/api/v1/sweeps/" + sweepId, both, null, null);
        assertThat(delete.statusCode()).isEqualTo(404);
        assertProblem(delete, "/problems/unknown-sweep");
        assertThat(listedSweeps(QINGDAO_OFFICER)).contains(sweepId);
    }

    @Test
    void twoRegionsCertifyingTheSameRecordsMakeTwoCertificationsEachSeenOnlyUnderItsOwn() throws Exception {
        HttpResponse<String> jinan = send("POST", "/api/v1/certifications", JINAN_OFFICER, "application/json",
                example("certification-overseas-postdoc.request.json"));
        String jinanId = JSON.readTree(jinan.body()).get("certificationId").asText();
        assertThat(jinanId).isNotEqualTo(certificationId);
        assertThat(send("GET", "/api/v1/certifications/" + certificationId, QINGDAO_OFFICER, null, null)
                .statusCode()).as("Qingdao's is still Qingdao's").isEqualTo(200);
        assertThat(send("GET", "/api/v1/certifications/" + jinanId, QINGDAO_OFFICER, null, null).statusCode())
                .isEqualTo(404);
        HttpResponse<String> again = send("POST", "/api/v1/certifications/" + jinanId + "/reproduce", JINAN_OFFICER,
                null, null);
        assertThat(JSON.readTree(again.body()).get("identical").asBoolean()).as(again.body()).isTrue();
    }

    @Test
    void withAnIdentityProviderThereIsNoGeneratedAdministrator() throws Exception {
        assertThat(send("GET", "/api/v1/sweeps", basic("admin", "admin"), null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aSweepMadeByALocalUserIsQingdaosAndSheCanDeleteItWithEveryFile() throws Exception {
        String own = finishedSweep(basic(CLERK, CLERK_PASSWORD));
        Path folder = Path.of("target/test-data/sweeps", own);
        assertThat(folder.resolve("results")).isDirectory();
        assertThat(listedSweeps(QINGDAO_OFFICER)).contains(own);
        assertThat(send("DELETE", "/api/v1/sweeps/" + own, basic(CLERK, CLERK_PASSWORD), null, null).statusCode())
                .isEqualTo(204);
        assertThat(folder).doesNotExist();
        assertThat(send("GET", "/api/v1/sweeps/" + own, QINGDAO_OFFICER, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aTokenThatIsExpiredForgedOrForAnotherServiceIsRefused() throws Exception {
        for (String token : List.of(TestIdentityProvider.expired(Regions.QINGDAO),
                TestIdentityProvider.signedByAnotherKey(Regions.QINGDAO),
                TestIdentityProvider.forAnotherAudience(Regions.QINGDAO), "Bearer not-a-token")) {
            HttpResponse<String> response = send("GET", "/api/v1/sweeps", token, null, null);
            assertThat(response.statusCode()).as(token).isEqualTo(401);
            assertProblem(response, "/problems/unauthorized");
            assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
                    .startsWith("Bearer").contains("error=\"invalid_token\"");
        }
        assertThat(send("GET", "/api/v1/sweeps", basic(CLERK, "not her password"), null, null).statusCode())
                .isEqualTo(401);
        assertThat(send("POST", "/api/v1/evaluations", TestIdentityProvider.expired(Regions.QINGDAO),
                "application/json", example("evaluation-jinan-master-living-subsidy.request.json")).statusCode())
                .as("bad credentials are refused even where none are needed").isEqualTo(401);
    }

    @Test
    void anOfficerTokenWithoutARegionIsNoOfficer() throws Exception {
        String noRegion = TestIdentityProvider.bearer("somebody", null, List.of(Roles.OFFICER));
        String badRegion = TestIdentityProvider.bearer("somebody", "Qingdao", List.of(Roles.OFFICER));
        for (String token : List.of(noRegion, badRegion)) {
            assertThat(send("GET", "/api/v1/sweeps", token, null, null).statusCode()).isEqualTo(403);
        }
        String unknownRole = TestIdentityProvider.bearer("somebody", Regions.QINGDAO, List.of("admin", "root"));
        assertThat(send("POST", "/api/v1/rulesets/reload", unknownRole, null, null).statusCode()).isEqualTo(403);
    }

    @Test
    void theCheckerPageMayBeFramedOnlyByThePortalsAndRunsOnlyItsOwnScripts() throws Exception {
        HttpResponse<String> page = send("GET", "/", null, null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'", "style-src 'self'", "object-src 'none'",
                "frame-ancestors 'self' https://portal.example.gov.cn");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        assertThat(page.headers().firstValue("X-Frame-Options")).as("frame-ancestors says it").isEmpty();
    }

    @Test
    void metricsCountEvaluationsByPolicyAndOutcomeAndAreNotPublic() throws Exception {
        assertThat(send("POST", "/api/v1/evaluations", null, "application/json",
                example("evaluation-jinan-master-living-subsidy.request.json")).statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = send("GET", "/actuator/prometheus", TestIdentityProvider.auditor(), null,
                null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).containsPattern("talent_evaluations_total\\{outcome=\"ELIGIBLE\",policy=\"[^\"]+\"")
                .contains("http_server_requests_seconds_bucket", "talent_sweep_entries_done",
                        "talent_sweep_jobs{status=\"DONE\"}");
        assertThat(send("GET", "/actuator/prometheus", null, null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/actuator/env", TestIdentityProvider.auditor(), null, null).statusCode())
                .as("nothing else of the actuator").isIn(403, 404);
    }

    // --- calling an operation of the contract ---

    HttpResponse<String> call(String method, String template, String operationId, String authorization)
            throws Exception {
        String path = template.replace("{policyId}", "jinan_living_subsidy").replace("{certificationId}",
                certificationId).replace("{decisionId}", decisionId).replace("{personId}", "example-cert-postdoc").replace("{sweepId}", operationId.equals("deleteSweep") && authorization != null
                && !authorization.equals(JINAN_OFFICER) && mayDelete(authorization) ? finishedSweep(QINGDAO_OFFICER)
                : sweepId);
        return switch (operationId) {
            case "evaluate" -> send(method, path, authorization, "application/json",
                    example("evaluation-jinan-master-living-subsidy.request.json"));
            case "certify" -> send(method, path, authorization, "application/json",
                    example("certification-overseas-postdoc.request.json"));
            case "submitSweep" -> send(method, path + "?asOf=2026-11-28", authorization, "application/x-ndjson",
                    TestPopulation.jsonl(3, 0));
            case "validateRuleset" -> send(method, path, authorization, "application/zip", zip(Path.of("rules")));
            default -> send(method, path, authorization, null, null);
        };
    }

    /** Whether the caller would delete for real (then the sweep deleted is a fresh one, not the shared one). */
    static boolean mayDelete(String authorization) {
        return authorization.equals(QINGDAO_OFFICER);
    }

    String token(String role) {
        return switch (role) {
            case Roles.OFFICER -> QINGDAO_OFFICER;
            case Roles.AUDITOR -> TestIdentityProvider.auditor();
            default -> TestIdentityProvider.policyAdmin();
        };
    }

    String finishedSweep(String authorization) throws Exception {
        HttpResponse<String> accepted = send("POST", "/api/v1/sweeps?asOf=2026-11-28", authorization,
                "application/x-ndjson", TestPopulation.jsonl(3, 0));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = JSON.readTree(accepted.body()).get("sweepId").asText();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            String status = JSON.readTree(send("GET", "/api/v1/sweeps/" + id, authorization, null, null).body())
                    .get("status").asText();
            if (status.equals("DONE")) {
                return id;
            }
            assertThat(status).isIn("QUEUED", "RUNNING");
            Thread.sleep(50);
        }
        throw new AssertionError("sweep " + id + " did not finish within 60 s");
    }

    List<String> listedSweeps(String authorization) throws Exception {
        HttpResponse<String> listing = send("GET", "/api/v1/sweeps", authorization, null, null);
        assertThat(listing.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JSON.readTree(listing.body()).get("sweeps").forEach(s -> ids.add(s.get("sweepId").asText()));
        return ids;
    }

    HttpResponse<String> send(String method, String path, String authorization, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static void assertProblem(HttpResponse<String> response, String type) throws IOException {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("type").asText()).isEqualTo(type);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static byte[] example(String name) throws IOException {
        return Files.readAllBytes(Path.of("api-spec/examples", name));
    }

    static byte[] zip(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
