package cn.talentpolicy.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EvaluationApiTests {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    /** A master's graduate of 2023 working and insured in Jinan for an enterprise. */
    static ObjectNode request() {
        ObjectNode request = ApiClient.JSON.createObjectNode();
        request.put("asOf", "2026-11-28");
        ObjectNode person = request.putObject("person");
        person.put("id", "api-test-1");
        person.put("birthDate", "1998-05-01");
        person.put("nationality", "MAINLAND");
        ObjectNode degree = person.putArray("degrees").addObject();
        degree.put("level", "MASTER");
        degree.put("fullTime", true);
        degree.put("graduationDate", "2023-06-30");
        ObjectNode employment = person.putObject("employment");
        employment.put("employerRegion", "370102");
        employment.put("employerType", "ENTERPRISE");
        employment.put("startDate", "2023-07-01");
        person.putObject("socialInsurance").put("region", "370102");
        person.putObject("housing").putArray("homesOwnedRegions");
        return request;
    }

    static ObjectNode person(ObjectNode request) {
        return (ObjectNode) request.get("person");
    }

    @Test
    void answersForEveryPolicyWithCriteriaReasonsSourcesAndTheRulesetVersion() {
        ApiClient.Response response = api.post("/api/v1/evaluations", request());
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.body();
        assertThat(body.get("asOf").asText()).isEqualTo("2026-11-28");
        assertThat(body.get("rulesetVersion").asText()).startsWith("sha256:");
        assertThat(body.get("decisions")).extracting(d -> d.get("policyId").asText())
                .contains("jinan_talent_tier", "jinan_living_subsidy", "jinan_rent_subsidy", "jinan_home_purchase_subsidy");
        JsonNode living = decision(body, "jinan_living_subsidy");
        assertThat(living.get("outcome").asText()).isEqualTo("ELIGIBLE");
        assertThat(living.get("certifiedTier").asText()).isEqualTo("E");
        assertThat(living.get("benefits").get(0).get("amount").decimalValue()).isEqualByComparingTo("1000");
        assertThat(living.get("benefits").get(0).get("months").asInt()).isEqualTo(36);
        assertThat(living.get("benefits").get(0).get("total").decimalValue()).isEqualByComparingTo("36000");
        assertThat(living.get("criteria")).hasSize(8).allSatisfy(c -> {
            assertThat(c.get("reasonCode").asText()).matches("[A-Z_]+");
            assertThat(c.get("message").get("zh").asText()).isNotBlank();
            assertThat(c.get("message").get("en").asText()).isNotBlank();
            assertThat(c.get("source").asText()).isNotBlank();
        });
        assertThat(living.get("derivedFacts")).extracting(f -> f.get("type").asText()).contains("TalentTier");
        assertThat(body.get("trace")).isNotEmpty();
        assertThat(body.get("trace").get(0).get("step").asInt()).isEqualTo(1);
    }

    @Test
    void theSameRequestGivesTheSameAnswer() {
        assertThat(api.post("/api/v1/evaluations", request()).body())
                .isEqualTo(api.post("/api/v1/evaluations", request()).body());
    }

    @Test
    void aFailedCriterionStatesTheRequiredAndTheActualValue() {
        ObjectNode request = request();
        ((ObjectNode) person(request).get("degrees").get(0)).put("graduationDate", "2020-06-30");
        JsonNode living = decision(api.post("/api/v1/evaluations", request).body(), "jinan_living_subsidy");
        assertThat(living.get("outcome").asText()).isEqualTo("INELIGIBLE");
        JsonNode window = criterion(living, "TIER_E_GRADUATION_WINDOW");
        assertThat(window.get("status").asText()).isEqualTo("FAIL");
        assertThat(window.get("reasonCode").asText()).isEqualTo("OUTSIDE_GRADUATION_WINDOW");
        assertThat(window.get("message").get("en").asText())
                .isEqualTo("graduated on 2020-06-30, more than 5 years before 2026-11-28");
        assertThat(criterion(living, "INSURED_IN_JINAN").get("status").asText())
                .as("every criterion is judged, even after one failed").isEqualTo("PASS");
    }

    @Test
    void aMissingFactGivesNeedsInfoListingIt() {
        ObjectNode request = request();
        person(request).remove("socialInsurance");
        JsonNode living = decision(api.post("/api/v1/evaluations", request).body(), "jinan_living_subsidy");
        assertThat(living.get("outcome").asText()).isEqualTo("NEEDS_INFO");
        assertThat(living.get("missingFacts")).extracting(JsonNode::asText).containsExactly("socialInsurance.region");
        assertThat(living.has("benefits") && !living.get("benefits").isEmpty()).isFalse();
    }

    @Test
    void thePolicyFilterLimitsTheDecisionsReported() {
        ObjectNode request = request();
        request.putArray("policies").add("jinan_rent_subsidy");
        JsonNode body = api.post("/api/v1/evaluations", request).body();
        assertThat(body.get("decisions")).singleElement()
                .satisfies(d -> assertThat(d.get("policyId").asText()).isEqualTo("jinan_rent_subsidy"));
        assertThat(criterion(body.get("decisions").get(0), "NOT_WITH_LIVING_SUBSIDY").get("reasonCode").asText())
                .as("the living subsidy is still evaluated for the rent subsidy to rest on")
                .isEqualTo("LIVING_SUBSIDY_ELIGIBLE");
    }

    @Test
    void bulkRunsCanLeaveOutTheTrace() {
        ObjectNode request = request();
        request.put("explain", false);
        JsonNode body = api.post("/api/v1/evaluations", request).body();
        assertThat(body.get("trace")).isEmpty();
        JsonNode living = decision(body, "jinan_living_subsidy");
        assertThat(living.get("criteria")).hasSize(8);
        assertThat(living.get("derivedFacts")).isEmpty();
        assertThat(living.get("certifiedTier").asText()).isEqualTo("E");
    }

    @Test
    void anUnknownEnumValueIsNamed() {
        ObjectNode request = request();
        person(request).put("nationality", "MARS");
        assertInvalid(request, "person.nationality", "is not one of MAINLAND");
    }

    @Test
    void anImpossibleDateIsNamed() {
        ObjectNode request = request();
        person(request).put("birthDate", "1998-02-30");
        assertInvalid(request, "person.birthDate", "not a real date");
    }

    @Test
    void aMalformedAsOfDateIsNamed() {
        ObjectNode request = request();
        request.put("asOf", "28/11/2026");
        assertInvalid(request, "asOf", "not a real date");
    }

    @Test
    void aBirthDateAfterTheAsOfDateIsNamed() {
        ObjectNode request = request();
        person(request).put("birthDate", "2027-01-01");
        assertInvalid(request, "person.birthDate", "after the as-of date 2026-11-28");
    }

    @Test
    void aPurchaseAfterTheAsOfDateIsNamed() {
        ObjectNode request = request();
        ObjectNode purchase = ((ObjectNode) person(request).get("housing")).putObject("purchase");
        purchase.put("region", "370102").put("date", "2030-01-01").put("price", 1000000).put("firstHomeInCity", true);
        assertInvalid(request, "person.housing.purchase.date", "bought after the as-of date 2026-11-28");
    }

    @Test
    void aDegreeGraduatingAfterTheAsOfDateIsNotHeldYet() {
        ObjectNode request = request();
        ((ObjectNode) person(request).get("degrees").get(0)).put("graduationDate", "2027-06-30");
        JsonNode living = decision(api.post("/api/v1/evaluations", request).body(), "jinan_living_subsidy");
        assertThat(living.get("outcome").asText()).isEqualTo("INELIGIBLE");
        assertThat(criterion(living, "TALENT_TIER").get("reasonCode").asText()).isEqualTo("NO_TIER");
    }

    @Test
    void datesOutsideTheSupportedRangeAreNamed() {
        ObjectNode request = request();
        ((ObjectNode) person(request).get("employment")).put("startDate", "+999999999-06-30");
        ApiClient.Response response = api.post("/api/v1/evaluations", request);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo("person.employment.startDate");
    }

    @Test
    void anAbsurdAmountIsRefusedBeforeAnythingIsComputed() {
        ObjectNode request = request();
        ObjectNode entry = person(request).putArray("ledger").addObject();
        entry.put("policyId", "jinan_home_purchase_subsidy");
        entry.put("amountPaid", new java.math.BigDecimal("1e999999999"));
        ApiClient.Response response = api.post("/api/v1/evaluations", request);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors")).extracting(e -> e.get("field").asText())
                .contains("person.ledger[0].amountPaid");
    }

    @Test
    void aLedgerEntryInTheWrongUnitIsRefusedRatherThanIgnored() {
        ObjectNode request = request();
        ObjectNode entry = person(request).putArray("ledger").addObject();
        entry.put("policyId", "jinan_rent_subsidy");
        entry.put("amountPaid", 25200);
        assertInvalid(request, "person.ledger[0].amountPaid", "jinan_rent_subsidy is paid by the month: give monthsPaid");
        entry.put("monthsPaid", 36);
        JsonNode rent = decision(api.post("/api/v1/evaluations", request).body(), "jinan_rent_subsidy");
        assertThat(criterion(rent, "MONTHS_REMAINING").get("reasonCode").asText())
                .as("an entry giving months and what they came to counts its months").isEqualTo("MONTHS_USED_UP");
    }

    @Test
    void anEmploymentStartingAfterTheAsOfDateIsNamed() {
        ObjectNode request = request();
        ((ObjectNode) person(request).get("employment")).put("startDate", "2027-03-01");
        assertInvalid(request, "person.employment.startDate", "starts after the as-of date 2026-11-28");
    }

    @Test
    void anExplicitNullMeansTheSameAsLeavingTheFieldOut() {
        ObjectNode request = request();
        request.putNull("explain");
        person(request).putNull("socialInsurance");
        JsonNode living = decision(api.post("/api/v1/evaluations", request).body(), "jinan_living_subsidy");
        assertThat(living.get("outcome").asText()).isEqualTo("NEEDS_INFO");
        assertThat(living.get("missingFacts")).extracting(JsonNode::asText).containsExactly("socialInsurance.region");
    }

    @Test
    void aMalformedRegionCodeIsNamed() {
        ObjectNode request = request();
        ((ObjectNode) person(request).get("employment")).put("employerRegion", "3701");
        assertInvalid(request, "person.employment.employerRegion", "six-digit");
    }

    @Test
    void aNegativeAmountIsNamed() {
        ObjectNode request = request();
        ObjectNode entry = person(request).putArray("ledger").addObject();
        entry.put("policyId", "jinan_home_purchase_subsidy");
        entry.put("amountPaid", -5);
        assertInvalid(request, "person.ledger[0].amountPaid", "greater than or equal to 0");
    }

    @Test
    void anUnknownFieldIsNamedRatherThanIgnored() {
        ObjectNode request = request();
        person(request).put("socialInsuranceRegion", "370102");
        assertInvalid(request, "person.socialInsuranceRegion", "unknown field");
    }

    @Test
    void everyInvalidFieldIsNamedAtOnce() {
        ObjectNode request = request();
        person(request).put("hukouRegion", "12");
        person(request).put("nationality", "MARS");
        person(request).put("birthDate", "1998-02-30");
        ((ObjectNode) person(request).get("socialInsurance")).put("region", "abc");
        ApiClient.Response response = api.post("/api/v1/evaluations", request);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("person.birthDate", "person.hukouRegion", "person.nationality",
                        "person.socialInsurance.region");
    }

    @Test
    void anUnknownPolicyInTheFilterIsNamed() {
        ObjectNode request = request();
        request.putArray("policies").add("jinan_rent_subsidy").add("jinan_flying_car_subsidy");
        assertInvalid(request, "policies[1]", "no loaded policy has the id 'jinan_flying_car_subsidy'");
    }

    @Test
    void aRequestWithoutAPersonIsRefused() {
        ObjectNode request = request();
        request.remove("person");
        assertInvalid(request, "person", "is required");
    }

    @Test
    void truncatedJsonIsAProblemAndTheServerKeepsServing() throws Exception {
        byte[] whole = ApiClient.JSON.writeValueAsBytes(request());
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);
        ApiClient.Response response = api.post("/api/v1/evaluations", truncated);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("type").asText()).isEqualTo("/problems/malformed-json");
        assertThat(response.body().get("detail").asText()).startsWith("The body is not valid JSON");
        assertThat(api.post("/api/v1/evaluations", request()).status()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() throws Exception {
        ObjectNode request = request();
        person(request).put("id", "x".repeat(300_000));
        ApiClient.Response response = api.post("/api/v1/evaluations",
                ApiClient.JSON.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("detail").asText()).contains("262144 bytes");
        assertThat(api.post("/api/v1/evaluations", request()).status()).isEqualTo(200);
    }

    @Test
    void anUnknownPolicyIdIs404() {
        ApiClient.Response response = api.get("/api/v1/policies/jinan_flying_car_subsidy");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body().get("type").asText()).isEqualTo("/problems/unknown-policy");
    }

    @Test
    void policiesListTheirCriteriaAndTheParameterValuesInForceAtADate() {
        ApiClient.Response response = api.get("/api/v1/policies/jinan_living_subsidy?date=2026-11-28");
        assertThat(response.status()).isEqualTo(200);
        JsonNode policy = response.body().get("policy");
        assertThat(policy.get("title").get("zh").asText()).isEqualTo("济南市人才生活补贴");
        assertThat(policy.get("sources")).isNotEmpty();
        assertThat(policy.get("parts").get(0).get("criteria")).extracting(c -> c.get("criterion").asText())
                .startsWith("IN_FORCE", "TALENT_TIER");
        JsonNode amounts = null;
        for (JsonNode p : policy.get("parameters")) {
            if (p.get("key").asText().equals("jinan_living_subsidy.monthly_amount")) {
                amounts = p;
            }
        }
        assertThat(amounts).isNotNull();
        assertThat(amounts.get("value").get("E_MASTER").asInt()).isEqualTo(1000);
        JsonNode before = api.get("/api/v1/policies/jinan_living_subsidy?date=2020-12-31").body();
        assertThat(before.get("policy").get("parameters").get(0).has("value")).as("no value before 2021").isFalse();
        assertThat(api.get("/api/v1/policies?date=2026-11-28").body().get("policies")).hasSizeGreaterThan(4);
        assertThat(api.get("/api/v1/policies?date=yesterday").status()).isEqualTo(400);
    }

    void assertInvalid(ObjectNode request, String field, String message) {
        ApiClient.Response response = api.post("/api/v1/evaluations", request);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("type").asText()).isEqualTo("/problems/invalid-request");
        assertThat(response.body().get("errors")).anySatisfy(e -> {
            assertThat(e.get("field").asText()).isEqualTo(field);
            assertThat(e.get("message").asText()).contains(message);
        });
    }

    static JsonNode decision(JsonNode body, String policyId) {
        for (JsonNode d : body.get("decisions")) {
            if (d.get("policyId").asText().equals(policyId)) {
                return d;
            }
        }
        throw new AssertionError("no decision for " + policyId + " in " + body);
    }

    static JsonNode criterion(JsonNode decision, String criterion) {
        for (JsonNode c : decision.get("criteria")) {
            if (c.get("criterion").asText().equals(criterion)) {
                return c;
            }
        }
        throw new AssertionError("no criterion " + criterion + " in " + decision);
    }
}
