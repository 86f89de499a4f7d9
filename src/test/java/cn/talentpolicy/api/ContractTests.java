package cn.talentpolicy.api;

import cn.talentpolicy.facts.Regions;
import cn.talentpolicy.security.TestIdentityProvider;
import cn.talentpolicy.evaluation.RequestSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * api-spec/openapi.yaml is the contract: every example under api-spec/examples and every real response is
 * validated against its schemas, every example replays as shown (the ruleset hash aside), and every endpoint
 * the service maps is in the contract. Run with {@code -Dexamples.write=true} to rewrite the example
 * responses after a deliberate change, then read the diff.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContractTests {

    static final Path SPEC = Path.of("api-spec/openapi.yaml");
    static final Path EXAMPLES = Path.of("api-spec/examples");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static JsonNode spec;
    static ObjectNode schemaDocument;

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    ApiClient api;

    @BeforeAll
    static void loadContract() throws IOException {
        spec = YAML.readTree(SPEC.toFile());
        schemaDocument = RequestSchema.schemaDocument(spec);
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port, TestIdentityProvider.officer(Regions.SHANDONG));
    }

    static Set<ValidationMessage> violations(String schemaName, JsonNode instance) {
        ObjectNode root = schemaDocument.deepCopy();
        root.put("$ref", "#/$defs/" + schemaName);
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
        return schema.validate(instance);
    }

    static void assertConforms(String schemaName, JsonNode instance) {
        assertThat(violations(schemaName, instance)).as("%s against %s", instance, schemaName).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyExampleConformsAndReplaysAsShown() throws IOException {
        List<Path> requests;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            requests = files.filter(f -> f.getFileName().toString().endsWith(".request.json")).sorted().toList();
        }
        assertThat(requests).hasSizeGreaterThanOrEqualTo(4);
        return requests.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            JsonNode request = ApiClient.JSON.readTree(file.toFile());
            boolean problem = file.getFileName().toString().startsWith("problem-");
            boolean certification = file.getFileName().toString().startsWith("certification-");
            String answer = problem ? "Problem" : certification ? "CertificationResponse" : "EvaluationResponse";
            if (!problem) {
                assertConforms(certification ? "CertificationRequest" : "EvaluationRequest", request);
                assertThat(request.has("asOf")).as("examples pin their as-of date").isTrue();
            }
            ApiClient.Response actual = api.post(certification ? "/api/v1/certifications" : "/api/v1/evaluations",
                    request);
            Path responseFile = Path.of(file.toString().replace(".request.json", ".response.json"));
            if (Boolean.getBoolean("examples.write")) {
                ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValue(responseFile.toFile(), actual.body());
            }
            JsonNode expected = ApiClient.JSON.readTree(responseFile.toFile());
            assertConforms(answer, expected);
            assertConforms(answer, actual.body());
            assertThat(actual.status()).isEqualTo(problem ? expected.get("status").asInt() : 200);
            assertThat(withoutVersion(actual.body())).isEqualTo(withoutVersion(expected));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyPolicyCasePersonGetsAResponseThatConforms() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            for (Path file : files.filter(f -> f.getParent() != null && f.getParent().getFileName().toString().equals("tests")
                    && f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode c : YAML.readTree(file.toFile()).get("cases")) {
                    ObjectNode request = ApiClient.JSON.createObjectNode();
                    request.set("asOf", c.get("asOf"));
                    request.set("person", c.get("person"));
                    tests.add(DynamicTest.dynamicTest(file.getFileName() + ": " + c.get("case").asText(), () -> {
                        assertConforms("EvaluationRequest", request);
                        ApiClient.Response response = api.post("/api/v1/evaluations", request);
                        assertThat(response.status()).isEqualTo(200);
                        assertConforms("EvaluationResponse", response.body());
                    }));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void theExamplesInsideTheContractConformToTheirSchemas() {
        JsonNode schemas = spec.get("components").get("schemas");
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = it.next();
            for (JsonNode example : schema.getValue().path("examples")) {
                assertConforms(schema.getKey(), example);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theContractRefusesWhatItDoesNotDescribe() {
        ObjectNode response = ApiClient.JSON.createObjectNode();
        response.put("personId", "p");
        response.put("surprise", true);
        assertThat(violations("EvaluationResponse", response)).isNotEmpty();
        ObjectNode request = ApiClient.JSON.createObjectNode();
        request.putObject("person").put("id", "p").put("hukouRegion", "3701");
        assertThat(violations("EvaluationRequest", request)).isNotEmpty();
    }

    @Test
    void policyResponsesConform() {
        ApiClient.Response all = api.get("/api/v1/policies?date=2026-11-28");
        assertThat(all.status()).isEqualTo(200);
        assertConforms("PolicyListing", all.body());
        for (JsonNode policy : all.body().get("policies")) {
            ApiClient.Response one = api.get("/api/v1/policies/" + policy.get("policyId").asText() + "?date=2021-01-01");
            assertThat(one.status()).isEqualTo(200);
            assertConforms("PolicyDetail", one.body());
        }
    }

    @Test
    void problemResponsesConform() {
        ObjectNode bad = ApiClient.JSON.createObjectNode();
        bad.putObject("person").put("id", "x").put("birthDate", "1990-13-01");
        for (ApiClient.Response problem : List.of(
                api.post("/api/v1/evaluations", bad),
                api.post("/api/v1/evaluations", "{\"person\": {".getBytes()),
                api.post("/api/v1/evaluations", new byte[300_000]),
                api.get("/api/v1/policies/no_such_policy"),
                api.get("/api/v1/policies?date=not-a-date"))) {
            assertThat(problem.status()).isBetween(400, 499);
            assertThat(problem.contentType()).startsWith("application/problem+json");
            assertConforms("Problem", problem.body());
        }
    }

    @Test
    void everyEndpointTheServiceMapsIsInTheContract() {
        JsonNode paths = spec.get("paths");
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("cn.talentpolicy")) {
                return;
            }
            for (String path : info.getPatternValues()) {
                assertThat(paths.has(path)).as("%s is in api-spec/openapi.yaml", path).isTrue();
                info.getMethodsCondition().getMethods().forEach(method -> assertThat(paths.get(path)
                        .has(method.name().toLowerCase())).as("%s %s is in the contract", method, path).isTrue());
            }
        });
    }

    /** An answer without what changes with every edit of rules/: the ruleset hash (and ids derived from it). */
    static JsonNode withoutVersion(JsonNode body) {
        JsonNode copy = body.deepCopy();
        if (copy instanceof ObjectNode object) {
            object.remove("rulesetVersion");
            object.remove("certificationId");
            object.remove("decisionId"); // a new record's id at every call
        }
        return copy;
    }
}
