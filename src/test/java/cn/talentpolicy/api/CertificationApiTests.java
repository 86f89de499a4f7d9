package cn.talentpolicy.api;

import cn.talentpolicy.facts.Regions;
import cn.talentpolicy.security.TestIdentityProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Passive certification from realistic record sets, including stale, conflicting and self-declared records. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CertificationApiTests {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() throws IOException {
        api = new ApiClient(port, TestIdentityProvider.officer(Regions.SHANDONG));
        ContractTests.loadContract();
    }

    static ObjectNode record(String source, String id, String retrievedOn) {
        ObjectNode r = ApiClient.JSON.createObjectNode();
        r.put("source", source);
        r.put("recordId", id);
        r.put("retrievedOn", retrievedOn);
        return r;
    }

    /** A master's graduate of 2023 working and insured in Jinan, with fresh records from every registry. */
    static ObjectNode request() {
        ObjectNode request = ApiClient.JSON.createObjectNode();
        request.put("personId", "cert-person-1");
        request.put("asOf", "2026-11-28");
        ArrayNode records = request.putArray("records");
        records.add(record("HUKOU", "HK-370102-0001", "2026-11-20").put("birthDate", "1998-05-01")
                .put("nationality", "MAINLAND").put("hukouRegion", "370102"));
        records.add(record("EDUCATION_REGISTRY", "CHSI-2023-88", "2026-11-20").put("level", "MASTER")
                .put("fullTime", true).put("graduationDate", "2023-06-30").put("institution", "Shandong University"));
        records.add(record("EMPLOYER_REGISTRY", "EMP-2023-19", "2026-11-25").put("employerName", "Jinan Example Co.")
                .put("employerRegion", "370102").put("employerType", "ENTERPRISE").put("startDate", "2023-07-10"));
        records.add(record("SOCIAL_INSURANCE", "SI-2026-11-4471", "2026-11-25").put("region", "370102")
                .put("employerName", "Jinan Example Co.").put("monthsPaid", 40));
        ObjectNode property = record("PROPERTY_REGISTRY", "PR-0", "2026-11-21");
        property.putArray("homesOwnedRegions");
        records.add(property);
        return request;
    }

    static ArrayNode records(ObjectNode request) {
        return (ArrayNode) request.get("records");
    }

    @Test
    void certifiesTheTierAndEntitlementsCitingTheRecordsEachCriterionReliedOn() {
        ApiClient.Response response = api.post("/api/v1/certifications", request());
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.body();
        ContractTests.assertConforms("CertificationResponse", body);
        assertThat(body.get("certificationId").asText()).matches("cert-[0-9a-f]{20}");
        assertThat(body.get("inputDigest").asText()).startsWith("sha256:");
        assertThat(body.get("rulesetVersion").asText()).startsWith("sha256:");
        assertThat(body.get("certifiedTier").asText()).isEqualTo("E");
        JsonNode living = EvaluationApiTests.decision(body, "jinan_living_subsidy");
        assertThat(living.get("outcome").asText()).isEqualTo("ELIGIBLE");
        assertThat(evidence(EvaluationApiTests.criterion(living, "INSURED_IN_JINAN")))
                .contains("SOCIAL_INSURANCE:SI-2026-11-4471");
        assertThat(evidence(EvaluationApiTests.criterion(living, "TIER_E_GRADUATION_WINDOW")))
                .contains("EDUCATION_REGISTRY:CHSI-2023-88").doesNotContain("SOCIAL_INSURANCE:SI-2026-11-4471");
        assertThat(evidence(EvaluationApiTests.criterion(living, "TALENT_TIER")))
                .as("the tier rests on the education record").contains("EDUCATION_REGISTRY:CHSI-2023-88");
        JsonNode rent = EvaluationApiTests.decision(body, "jinan_rent_subsidy");
        assertThat(evidence(EvaluationApiTests.criterion(rent, "NO_HOME_IN_JINAN"))).containsExactly("PROPERTY_REGISTRY:PR-0");
        assertThat(body.get("evidenceIssues")).isEmpty();
    }

    @ParameterizedTest(name = "tier {0} from {1}")
    @CsvSource({
            "A, HONOURS_REGISTRY, honour, ACADEMICIAN",
            "B, HONOURS_REGISTRY, honour, NATIONAL_LEADING_TALENT",
            "C, HONOURS_REGISTRY, honour, PROVINCIAL_LEADING_TALENT",
            "D, TITLE_REGISTRY, professionalTitle, FULL_SENIOR",
            "E, TITLE_REGISTRY, skillLevel, SENIOR_TECHNICIAN"})
    void certifiesEachTierFromTheRegistryThatProvesIt(String tier, String source, String field, String value) {
        ObjectNode request = request();
        ObjectNode bachelor = (ObjectNode) records(request).get(1);
        bachelor.put("level", "BACHELOR");
        records(request).add(record(source, "REG-" + value, "2026-10-01").put(field, value));
        JsonNode body = api.post("/api/v1/certifications", request).body();
        assertThat(body.get("certifiedTier").asText()).isEqualTo(tier);
        JsonNode tiers = EvaluationApiTests.decision(body, "jinan_talent_tier");
        assertThat(evidence(EvaluationApiTests.criterion(tiers, "TIER_" + tier))).contains(source + ":REG-" + value);
    }

    @Test
    void staleSocialInsuranceMakesTheCriterionUnknownAndSaysSo() {
        ObjectNode request = request();
        ((ObjectNode) records(request).get(3)).put("retrievedOn", "2026-09-30");
        JsonNode body = api.post("/api/v1/certifications", request).body();
        ContractTests.assertConforms("CertificationResponse", body);
        JsonNode living = EvaluationApiTests.decision(body, "jinan_living_subsidy");
        assertThat(living.get("outcome").asText()).isEqualTo("NEEDS_INFO");
        JsonNode insured = EvaluationApiTests.criterion(living, "INSURED_IN_JINAN");
        assertThat(insured.get("status").asText()).isEqualTo("UNKNOWN");
        assertThat(insured.get("evidenceIssues")).singleElement().satisfies(issue -> {
            assertThat(issue.get("kind").asText()).isEqualTo("STALE");
            assertThat(issue.get("field").asText()).isEqualTo("socialInsurance.region");
            assertThat(issue.get("records").get(0).asText()).isEqualTo("SOCIAL_INSURANCE:SI-2026-11-4471");
            assertThat(issue.get("detail").asText()).contains("at most 45 days").contains("59 days before 2026-11-28");
        });
    }

    @Test
    void twoGraduationDatesForOneDegreeAreAConflictNotAPick() {
        ObjectNode request = request();
        records(request).add(record("EDUCATION_REGISTRY", "CHSI-2023-88-B", "2026-11-22").put("level", "MASTER")
                .put("fullTime", true).put("graduationDate", "2021-06-30").put("institution", "Shandong University"));
        JsonNode body = api.post("/api/v1/certifications", request).body();
        JsonNode living = EvaluationApiTests.decision(body, "jinan_living_subsidy");
        assertThat(living.get("outcome").asText()).isEqualTo("NEEDS_INFO");
        assertThat(living.get("missingFacts")).extracting(JsonNode::asText).contains("degrees.graduationDate");
        assertThat(body.get("evidenceIssues")).anySatisfy(issue -> {
            assertThat(issue.get("kind").asText()).isEqualTo("CONFLICT");
            assertThat(issue.get("field").asText()).isEqualTo("degrees.graduationDate");
            assertThat(issue.get("records")).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder("EDUCATION_REGISTRY:CHSI-2023-88", "EDUCATION_REGISTRY:CHSI-2023-88-B");
        });
    }

    @Test
    void aSelfDeclaredRecordCountsOnlyWhereThePolicyAcceptsIt() {
        ObjectNode request = request();
        ObjectNode education = (ObjectNode) records(request).get(1);
        education.put("selfDeclared", true);
        ((ObjectNode) records(request).get(4)).put("selfDeclared", true);
        JsonNode body = api.post("/api/v1/certifications", request).body();
        JsonNode tier = EvaluationApiTests.decision(body, "jinan_talent_tier");
        assertThat(tier.get("outcome").asText()).isEqualTo("NEEDS_INFO");
        JsonNode tierE = EvaluationApiTests.criterion(tier, "TIER_E");
        assertThat(tierE.get("status").asText()).isEqualTo("UNKNOWN");
        assertThat(tierE.get("reasonCode").asText()).as("without the declaration the degrees are unknown")
                .isEqualTo("TIER_E_DEGREES_UNKNOWN");
        assertThat(tierE.get("evidenceIssues")).anySatisfy(i -> assertThat(i.get("kind").asText()).isEqualTo("SELF_DECLARED"));
        JsonNode rent = EvaluationApiTests.decision(body, "jinan_rent_subsidy");
        assertThat(EvaluationApiTests.criterion(rent, "NO_HOME_IN_JINAN").get("status").asText())
                .as("the rent subsidy accepts a declaration of owning no home").isEqualTo("PASS");
    }

    @Test
    void aSelfDeclaredTitleIsListedAsUncheckedAndTheProvenTierSetsTheAmount() {
        ObjectNode request = request();
        records(request).add(record("TITLE_REGISTRY", "TITLE-SELF", "2026-11-01").put("professionalTitle", "FULL_SENIOR")
                .put("selfDeclared", true));
        JsonNode body = api.post("/api/v1/certifications", request).body();
        assertThat(body.get("certifiedTier").asText()).as("tier D rests on a declaration").isEqualTo("E");
        JsonNode tier = EvaluationApiTests.decision(body, "jinan_talent_tier");
        assertThat(tier.get("outcome").asText()).isEqualTo("ELIGIBLE");
        assertThat(EvaluationApiTests.criterion(tier, "TIER_D").get("status").asText()).isEqualTo("UNKNOWN");
        JsonNode living = EvaluationApiTests.decision(body, "jinan_living_subsidy");
        assertThat(living.get("outcome").asText()).isEqualTo("ELIGIBLE");
        assertThat(living.get("benefits").get(0).get("amount").asInt()).isEqualTo(1000);
    }

    @Test
    void conflictingEnclaveRecognitionMakesTheWorkplaceCriteriaUnknown() {
        ObjectNode request = request();
        ObjectNode first = (ObjectNode) records(request).get(2);
        first.put("employerRegion", "310115");
        first.putObject("enclave").put("parentEmployerRegion", "370102").put("recognised", true);
        ObjectNode second = record("EMPLOYER_REGISTRY", "EMP-2023-19-B", "2026-11-26").put("employerRegion", "310115")
                .put("employerType", "ENTERPRISE").put("startDate", "2023-07-10");
        second.putObject("enclave").put("parentEmployerRegion", "370102").put("recognised", false);
        records(request).add(second);
        ((ObjectNode) records(request).get(3)).put("region", "310115");
        JsonNode body = api.post("/api/v1/certifications", request).body();
        JsonNode living = EvaluationApiTests.decision(body, "jinan_living_subsidy");
        assertThat(living.get("outcome").asText()).isEqualTo("NEEDS_INFO");
        JsonNode employed = EvaluationApiTests.criterion(living, "EMPLOYED_IN_JINAN");
        assertThat(employed.get("status").asText()).isEqualTo("UNKNOWN");
        assertThat(employed.get("evidenceIssues")).anySatisfy(i -> assertThat(i.get("kind").asText()).isEqualTo("CONFLICT"));
    }

    @Test
    void aCertificationIsStoredAndReproducedFromItsRecords() {
        JsonNode first = api.post("/api/v1/certifications", request()).body();
        String id = first.get("certificationId").asText();
        assertThat(api.get("/api/v1/certifications/" + id).body()).isEqualTo(first);
        ApiClient.Response reproduced = api.post("/api/v1/certifications/" + id + "/reproduce", new byte[0]);
        assertThat(reproduced.status()).isEqualTo(200);
        ContractTests.assertConforms("CertificationReproduction", reproduced.body());
        assertThat(reproduced.body().get("identical").asBoolean()).as(reproduced.body().get("differences").toString()).isTrue();
        assertThat(reproduced.body().get("differences")).isEmpty();
        assertThat(api.get("/api/v1/certifications/cert-00000000000000000000").status()).isEqualTo(404);
    }

    @Test
    void theSameRecordsInAnotherOrderHaveTheSameDigestAndId() {
        ObjectNode request = request();
        JsonNode first = api.post("/api/v1/certifications", request).body();
        List<JsonNode> reversed = new ArrayList<>();
        records(request).forEach(reversed::add);
        java.util.Collections.reverse(reversed);
        records(request).removeAll();
        reversed.forEach(records(request)::add);
        JsonNode second = api.post("/api/v1/certifications", request).body();
        assertThat(second.get("inputDigest")).isEqualTo(first.get("inputDigest"));
        assertThat(second.get("certificationId")).isEqualTo(first.get("certificationId"));
    }

    @Test
    void anUnknownSourceAndADanglingCscseRecordAreNamed() {
        ObjectNode request = request();
        ((ObjectNode) records(request).get(0)).put("source", "TAX_BUREAU");
        ApiClient.Response response = api.post("/api/v1/certifications", request);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo("records[0].source");
        ObjectNode dangling = request();
        records(dangling).add(record("CSCSE", "CSCSE-1", "2026-11-01").put("degreeRecordId", "NOPE").put("certified", true));
        ApiClient.Response second = api.post("/api/v1/certifications", dangling);
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.body().get("errors").get(0).get("field").asText()).isEqualTo("records[5].degreeRecordId");
    }

    @Test
    void anAcceptedDeclarationDecidesOnlyItsCriterionNotTheAmount() {
        ObjectNode request = request();
        ObjectNode registry = (ObjectNode) records(request).get(1);
        registry.put("level", "JUNIOR_COLLEGE").put("graduationDate", "2023-06-30").put("institution", "Jinan Vocational");
        records(request).add(record("EDUCATION_REGISTRY", "SELF-BACHELOR", "2026-11-01").put("level", "BACHELOR")
                .put("fullTime", true).put("graduationDate", "2023-06-30").put("institution", "Somewhere")
                .put("selfDeclared", true));
        ((ObjectNode) records(request).get(4)).put("selfDeclared", true); // no home: declared, and accepted
        request.putArray("policies").add("jinan_rent_subsidy");
        JsonNode rent = EvaluationApiTests.decision(api.post("/api/v1/certifications", request).body(), "jinan_rent_subsidy");
        assertThat(EvaluationApiTests.criterion(rent, "NO_HOME_IN_JINAN").get("status").asText()).isEqualTo("PASS");
        assertThat(rent.get("outcome").asText()).isEqualTo("ELIGIBLE");
        assertThat(rent.get("benefits").get(0).get("amount").asInt())
                .as("the registry's junior college rate, not the declared bachelor's").isEqualTo(500);
    }

    @Test
    void anUnknownPolicyInTheFilterAndAMissingSourceAreNamed() {
        ObjectNode request = request();
        request.putArray("policies").add("no_such_policy");
        ApiClient.Response response = api.post("/api/v1/certifications", request);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo("policies[0]");
        ObjectNode noSource = request();
        ((ObjectNode) records(noSource).get(0)).remove("source");
        ApiClient.Response second = api.post("/api/v1/certifications", noSource);
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.body().get("errors")).extracting(e -> e.get("field").asText()).containsExactly("records[0].source");
    }

    @Test
    void aRecordRetrievedAfterTheCertificationDateIsRefused() {
        ObjectNode request = request();
        ((ObjectNode) records(request).get(0)).put("retrievedOn", "2027-11-20");
        ApiClient.Response response = api.post("/api/v1/certifications", request);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo("records[0].retrievedOn");
    }

    static List<String> evidence(JsonNode criterion) {
        List<String> refs = new ArrayList<>();
        criterion.get("evidence").forEach(e -> refs.add(e.get("source").asText() + ":" + e.get("recordId").asText()));
        return refs;
    }
}
