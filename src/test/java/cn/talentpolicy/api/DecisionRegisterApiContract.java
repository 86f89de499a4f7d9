package cn.talentpolicy.api;

import cn.talentpolicy.TestRules;
import cn.talentpolicy.facts.Regions;
import cn.talentpolicy.input.CanonicalJson;
import cn.talentpolicy.security.TestIdentityProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision register through the API, as officers, auditors and the public use it, on each database the
 * service runs on ({@link H2DecisionApiTests}, {@link PostgresDecisionApiTests}): what is recorded and when, who
 * reads it, a person's decisions over time, replay under the recorded and the current ruleset, corrections with
 * the amounts owed, certifications kept in the register, and the chain's check finding a record changed behind
 * the service's back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class DecisionRegisterApiContract {

    /** A rules folder of this class's own, so a test may change the rules and reload them. */
    static final Path RULES = copyOfTheRules();

    @DynamicPropertySource
    static void ownRulesAndData(DynamicPropertyRegistry registry) {
        registry.add("talent.rules-dir", RULES::toString);
        registry.add("talent.data-dir", () -> "target/test-data-register-" + UUID.randomUUID());
    }

    static final String QINGDAO_OFFICER = TestIdentityProvider.officer(Regions.QINGDAO);
    static final String JINAN_OFFICER = TestIdentityProvider.officer(Regions.JINAN);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient officer;
    ApiClient auditor;
    ApiClient anyone;

    @BeforeEach
    void clients() throws IOException {
        officer = new ApiClient(port, QINGDAO_OFFICER);
        auditor = new ApiClient(port, TestIdentityProvider.auditor());
        anyone = new ApiClient(port);
        ContractTests.loadContract();
    }

    static Path copyOfTheRules() {
        try {
            return TestRules.copyTo(Files.createTempDirectory("rules-register-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode request() {
        try {
            return (ObjectNode) ApiClient.JSON.readTree(ContractTests.EXAMPLES
                    .resolve("evaluation-jinan-master-living-subsidy.request.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode person(ObjectNode request, String id) {
        ((ObjectNode) request.get("person")).put("id", id);
        return request;
    }

    String evaluated(ApiClient as, ObjectNode request) {
        ApiClient.Response response = as.post("/api/v1/evaluations", request);
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        ContractTests.assertConforms("EvaluationResponse", response.body());
        return response.body().path("decisionId").asText(null);
    }

    @Test
    void anOfficersEvaluationIsRecordedBeforeItIsAnsweredWithWhatItWasMadeOn() {
        ObjectNode request = person(request(), "register-officer-1");
        ApiClient.Response answer = officer.post("/api/v1/evaluations", request);
        String id = answer.body().get("decisionId").asText();
        assertThat(id).matches("dec-[0-9a-f]{20}");

        ApiClient.Response got = officer.get("/api/v1/decisions/" + id);
        assertThat(got.status()).isEqualTo(200);
        JsonNode record = got.body();
        ContractTests.assertConforms("DecisionRecord", record);
        assertThat(record.get("kind").asText()).isEqualTo("EVALUATION");
        assertThat(record.get("role").asText()).isEqualTo("officer");
        assertThat(record.get("region").asText()).isEqualTo(Regions.QINGDAO);
        assertThat(record.get("personId").asText()).isEqualTo("register-officer-1");
        assertThat(record.get("asOf").asText()).isEqualTo("2026-11-28");
        assertThat(record.get("rulesetVersion")).isEqualTo(answer.body().get("rulesetVersion"));
        assertThat(record.has("caller")).as("who made it is for auditors").isFalse();
        assertThat(record.get("input").get("person")).isEqualTo(request.get("person"));
        assertThat(record.get("inputDigest").asText()).isEqualTo(CanonicalJson.digest(CanonicalJson.of(record.get("input"))));
        assertThat(record.has("answer")).as("an evaluation's answer is had again by replaying it").isFalse();
        List<String> outcomes = new ArrayList<>();
        record.get("outcomes").forEach(o -> outcomes.add(o.get("policyId").asText() + "=" + o.get("outcome").asText()));
        List<String> answered = new ArrayList<>();
        answer.body().get("decisions").forEach(d -> answered.add(d.get("policyId").asText() + "="
                + d.get("outcome").asText()));
        assertThat(outcomes).isEqualTo(answered);

        assertThat(auditor.get("/api/v1/decisions/" + id).body().get("caller").asText()).isNotBlank();
        ApiClient.Response elsewhere = new ApiClient(port, JINAN_OFFICER).get("/api/v1/decisions/" + id);
        assertThat(elsewhere.status()).as("another region's decision reads as an unknown one").isEqualTo(404);
        assertThat(elsewhere.body().get("type").asText()).isEqualTo("/problems/unknown-decision");
        assertThat(anyone.get("/api/v1/decisions/" + id).status()).isEqualTo(401);
    }

    @Test
    void thePublicsEvaluationIsRecordedOnlyWhenItAsksUnderTheRegionOfThePersonsEmployer() {
        assertThat(evaluated(anyone, person(request(), "register-public-1"))).isNull();
        ObjectNode asked = person(request(), "register-public-1");
        asked.put("record", true);
        String id = evaluated(anyone, asked);
        assertThat(id).matches("dec-[0-9a-f]{20}");

        JsonNode record = new ApiClient(port, JINAN_OFFICER).get("/api/v1/decisions/" + id).body();
        assertThat(record.get("role").asText()).isEqualTo("public");
        assertThat(record.get("region").asText()).as("the employer is in Jinan's Licheng district").isEqualTo("370112");
        assertThat(officer.get("/api/v1/decisions/" + id).status()).as("not Qingdao's").isEqualTo(404);
        assertThat(record.get("input").has("record")).as("the input is what decides, not how it was asked")
                .isFalse();
    }

    @Test
    void aPersonsDecisionsAreListedNewestFirstForTheOfficersOfTheirRegionAndForAuditors() {
        String first = evaluated(officer, person(request(), "register-history-1"));
        ObjectNode later = person(request(), "register-history-1");
        later.put("asOf", "2026-12-01");
        String second = evaluated(officer, later);

        ApiClient.Response listed = officer.get("/api/v1/people/register-history-1/decisions");
        assertThat(listed.status()).isEqualTo(200);
        ContractTests.assertConforms("PersonDecisions", listed.body());
        assertThat(ids(listed.body())).containsExactly(second, first);
        assertThat(listed.body().get("decisions").get(0).get("asOf").asText()).isEqualTo("2026-12-01");
        assertThat(ids(auditor.get("/api/v1/people/register-history-1/decisions?limit=1").body()))
                .containsExactly(second);
        assertThat(ids(new ApiClient(port, JINAN_OFFICER).get("/api/v1/people/register-history-1/decisions").body()))
                .isEmpty();
        ApiClient.Response bad = officer.get("/api/v1/people/register-history-1/decisions?limit=0");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").get(0).get("field").asText()).isEqualTo("limit");
    }

    static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("decisions").forEach(d -> ids.add(d.get("decisionId").asText()));
        return ids;
    }

    @Test
    void aDecisionReplayedUnderItsRulesetAndTodaysGivesTheSameAnswerWhileTheRulesAreUnchanged() {
        String id = evaluated(officer, person(request(), "register-replay-1"));
        ApiClient.Response replay = officer.post("/api/v1/decisions/" + id + "/replay", new byte[0]);
        assertThat(replay.status()).as("%s", replay.body()).isEqualTo(200);
        ContractTests.assertConforms("DecisionReplay", replay.body());
        assertThat(replay.body().get("recordedRuleset").get("same").asBoolean()).isTrue();
        assertThat(replay.body().get("currentRuleset").get("same").asBoolean()).isTrue();
        assertThat(replay.body().get("currentRuleset").get("differences")).isEmpty();
    }

    @Test
    void afterARuleChangeAReplaySaysTheRecordedRulesetStillGivesTheAnswerAndWhatTodaysChanges() throws Exception {
        ObjectNode request = person(request(), "register-replay-2");
        request.put("asOf", "2027-02-01");
        String id = evaluated(officer, request);
        String before = officer.get("/api/v1/decisions/" + id).body().get("rulesetVersion").asText();
        // a new dated value: a master's monthly amount from 2027 on (and the rules as they were, after the test)
        Path amounts = RULES.resolve("jinan_living_subsidy/parameters/living_subsidy.yaml");
        String original = Files.readString(amounts);
        ApiClient admin = new ApiClient(port, TestIdentityProvider.policyAdmin());
        try {
            TestRules.replace(RULES, "jinan_living_subsidy/parameters/living_subsidy.yaml",
                    "    2021-01-01: {A: 5000, B: 4000, C: 3000, D: 2000, E_DOCTORATE: 1500, E_MASTER: 1000}",
                    "    2021-01-01: {A: 5000, B: 4000, C: 3000, D: 2000, E_DOCTORATE: 1500, E_MASTER: 1000}\n"
                            + "    2027-01-01: {A: 5000, B: 4000, C: 3000, D: 2000, E_DOCTORATE: 1500, E_MASTER: 1200}");
            ApiClient.Response reload = admin.post("/api/v1/rulesets/reload", new byte[0]);
            assertThat(reload.body().get("accepted").asBoolean()).as("%s", reload.body()).isTrue();
            replayedAfterTheChange(id, before);
        } finally {
            Files.writeString(amounts, original);
            assertThat(admin.post("/api/v1/rulesets/reload", new byte[0]).body().get("accepted").asBoolean()).isTrue();
        }
    }

    void replayedAfterTheChange(String id, String before) {

        JsonNode replay = auditor.post("/api/v1/decisions/" + id + "/replay", new byte[0]).body();
        ContractTests.assertConforms("DecisionReplay", replay);
        assertThat(replay.get("recordedRuleset").get("rulesetVersion").asText()).isEqualTo(before);
        assertThat(replay.get("recordedRuleset").get("same").asBoolean()).as("%s", replay).isTrue();
        JsonNode now = replay.get("currentRuleset");
        assertThat(now.get("rulesetVersion").asText()).isNotEqualTo(before);
        assertThat(now.get("same").asBoolean()).isFalse();
        JsonNode living = now.get("differences").get(0);
        assertThat(living.get("policyId").asText()).isEqualTo("jinan_living_subsidy");
        assertThat(living.get("outcomeBefore").asText()).isEqualTo("ELIGIBLE").isEqualTo(living.get("outcomeAfter").asText());
        assertThat(living.get("totalAfter").decimalValue()).isGreaterThan(living.get("totalBefore").decimalValue());
        assertThat(now.get("differences")).hasSize(1);
    }

    @Test
    void aCorrectionIsANewDecisionLinkedToTheEarlierOneThatSaysWhatIsOwed() {
        ObjectNode wrong = person(request(), "register-correction-1");
        ((ObjectNode) wrong.get("person")).putArray("degrees").addObject().put("level", "BACHELOR")
                .put("fullTime", true).put("graduationDate", "2020-06-30");
        String earlier = evaluated(officer, wrong);

        ObjectNode corrected = person(request(), "register-correction-1");
        corrected.put("corrects", earlier);
        ApiClient.Response answer = officer.post("/api/v1/evaluations", corrected);
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        ContractTests.assertConforms("EvaluationResponse", answer.body());
        JsonNode owed = answer.body().get("correction");
        assertThat(owed.get("corrects").asText()).isEqualTo(earlier);
        assertThat(owed.get("meaning").asText()).isEqualTo("BACK_PAY");
        BigDecimal living = EvaluationApiTests.decision(answer.body(), "jinan_living_subsidy").get("benefits")
                .get(0).get("total").decimalValue();
        JsonNode policy = null;
        for (JsonNode p : owed.get("policies")) {
            if (p.get("policyId").asText().equals("jinan_living_subsidy")) {
                policy = p;
            }
        }
        assertThat(policy).as("%s", owed).isNotNull();
        assertThat(policy.get("before").decimalValue()).isZero();
        assertThat(policy.get("after").decimalValue()).isEqualByComparingTo(living);
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode p : owed.get("policies")) {
            sum = sum.add(p.get("difference").decimalValue());
        }
        assertThat(owed.get("difference").decimalValue()).isEqualByComparingTo(sum).isPositive();

        JsonNode record = officer.get("/api/v1/decisions/" + answer.body().get("decisionId").asText()).body();
        assertThat(record.get("corrects").asText()).isEqualTo(earlier);
        assertThat(record.get("owed")).isEqualTo(owed);
    }

    @Test
    void onlyAnOfficerCorrectsAndOnlyADecisionAboutTheSamePersonInTheirRegion() {
        String earlier = evaluated(officer, person(request(), "register-correction-2"));
        ObjectNode other = person(request(), "register-correction-3");
        other.put("corrects", earlier);
        ApiClient.Response wrongPerson = officer.post("/api/v1/evaluations", other);
        assertThat(wrongPerson.status()).isEqualTo(400);
        assertThat(wrongPerson.body().get("errors").get(0).get("field").asText()).isEqualTo("corrects");

        ObjectNode same = person(request(), "register-correction-2");
        same.put("corrects", earlier);
        ApiClient.Response elsewhere = new ApiClient(port, JINAN_OFFICER).post("/api/v1/evaluations", same);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.body().get("errors").get(0).get("field").asText()).isEqualTo("corrects");
        assertThat(anyone.post("/api/v1/evaluations", same).status()).isEqualTo(401);
        assertThat(auditor.post("/api/v1/evaluations", same).status()).isEqualTo(403);
    }

    @Test
    void aCertificationIsRecordedWithItsRecordsAndAnswerAndShownAndReplayedFromTheRegister() {
        ApiClient.Response certified = officer.post("/api/v1/certifications", CertificationApiTests.request());
        assertThat(certified.status()).as("%s", certified.body()).isEqualTo(200);
        String id = certified.body().get("decisionId").asText();
        String certificationId = certified.body().get("certificationId").asText();

        JsonNode record = officer.get("/api/v1/decisions/" + id).body();
        ContractTests.assertConforms("DecisionRecord", record);
        assertThat(record.get("kind").asText()).isEqualTo("CERTIFICATION");
        assertThat(record.get("source").asText()).isEqualTo(certificationId);
        assertThat(record.get("input").get("records")).isEqualTo(CertificationApiTests.request().get("records"));
        assertThat(record.get("answer")).isEqualTo(certified.body());
        assertThat(officer.get("/api/v1/certifications/" + certificationId).body()).isEqualTo(certified.body());
        JsonNode replay = officer.post("/api/v1/decisions/" + id + "/replay", new byte[0]).body();
        assertThat(replay.get("recordedRuleset").get("same").asBoolean()).as("%s", replay).isTrue();
    }

    @Test
    void theChainsCheckFindsARecordChangedBehindTheServicesBackAndOnlyAnAuditorRunsIt() {
        String id = evaluated(officer, person(request(), "register-tamper-1"));
        evaluated(officer, person(request(), "register-tamper-2"));
        ApiClient.Response intact = auditor.get("/api/v1/decisions/verification");
        assertThat(intact.status()).isEqualTo(200);
        ContractTests.assertConforms("RegisterVerification", intact.body());
        assertThat(intact.body().get("intact").asBoolean()).as("%s", intact.body()).isTrue();
        assertThat(officer.get("/api/v1/decisions/verification").status()).isEqualTo(403);

        String outcomes = jdbc.queryForObject("select outcomes from decisions where id = ?", String.class, id);
        jdbc.update("update decisions set outcomes = ? where id = ?", outcomes.replace("ELIGIBLE", "INELIGIBLE"), id);
        try {
            JsonNode broken = auditor.get("/api/v1/decisions/verification").body();
            ContractTests.assertConforms("RegisterVerification", broken);
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("firstBroken").get("decisionId").asText()).isEqualTo(id);
        } finally {
            jdbc.update("update decisions set outcomes = ? where id = ?", outcomes, id);
        }
        assertThat(auditor.get("/api/v1/decisions/verification").body().get("intact").asBoolean()).isTrue();
    }
}
