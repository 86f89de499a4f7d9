package cn.talentpolicy.engine;

import cn.talentpolicy.decisions.CriterionResult;
import cn.talentpolicy.decisions.Decision;
import cn.talentpolicy.decisions.Evaluation;
import cn.talentpolicy.decisions.Outcome;
import cn.talentpolicy.decisions.Status;
import cn.talentpolicy.facts.PersonFacts;
import cn.talentpolicy.input.FactsMapper;
import cn.talentpolicy.input.PersonDto;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person is told when a degree's counting flag is omitted and the engine reads it both ways ({@link
 * Readings}): the words of a criterion that does not depend on the flag, of one that does, and what a decision
 * whose amount depends on it asks for. (The outcomes are policy cases beside the policies; the properties over
 * generated people are {@code UnknownFactsPropertiesTests}.)
 */
class ReadingsTests {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
    static Ruleset ruleset;

    @BeforeAll
    static void load() {
        ruleset = RulesetLoader.load(Path.of("rules"));
    }

    @AfterAll
    static void close() {
        ruleset.close();
    }

    @Test
    void aCriterionTheFlagCannotChangeSaysSoInBothLanguages() throws Exception {
        Decision qingdao = decision("""
                {"id": "jc", "degrees": [{"level": "JUNIOR_COLLEGE", "graduationDate": "2023-11-09"}],
                 "employment": {"employerRegion": "370212", "employerType": "ENTERPRISE", "startDate": "2024-01-02"}}
                """, "qingdao_graduate_housing_subsidy");
        assertThat(qingdao.outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(qingdao.missingFacts()).isEmpty();
        CriterionResult degree = criterion(qingdao, "DEGREE");
        assertThat(degree.status()).isEqualTo(Status.FAIL);
        assertThat(degree.missingFacts()).isEmpty();
        assertThat(degree.message().en()).startsWith(
                "whatever the full-time flag of the junior college degree of 2023-11-09, the same: "
                        + "if the junior college degree of 2023-11-09 is full-time, needs a bachelor's")
                .contains("if the junior college degree of 2023-11-09 is not full-time, needs a full-time bachelor's");
        assertThat(degree.message().zh()).startsWith("无论2023-11-09 毕业的专科学历是否全日制，结果相同：若2023-11-09 毕业的专科学历为全日制，");
    }

    @Test
    void aCriterionTheFlagDecidesIsUnknownAndSaysWhatEachReadingGives() throws Exception {
        Decision zibo = decision("""
                {"id": "jc-ba", "degrees": [{"level": "JUNIOR_COLLEGE", "fullTime": true, "graduationDate": "2020-06-30"},
                                            {"level": "BACHELOR", "graduationDate": "2022-06-30"}],
                 "employment": {"employerRegion": "370302", "employerType": "ENTERPRISE", "startDate": "2022-08-10"},
                 "socialInsurance": {"region": "370302"}}
                """, "zibo_graduate_subsidy");
        CriterionResult degree = criterion(zibo, "LIVING_DEGREE");
        assertThat(degree.status()).isEqualTo(Status.UNKNOWN);
        assertThat(degree.reasonCode()).isEqualTo(Readings.REASON);
        assertThat(degree.missingFacts()).containsExactly("degrees.fullTime");
        assertThat(degree.message().en()).startsWith("depends on the full-time flag of the bachelor's degree of 2022-06-30: "
                + "if the bachelor's degree of 2022-06-30 is full-time, fails: ")
                .contains("; if the bachelor's degree of 2022-06-30 is not full-time, passes: ");
        assertThat(zibo.outcome()).isEqualTo(Outcome.NEEDS_INFO);
        assertThat(zibo.missingFacts()).containsExactly("degrees.fullTime");
    }

    @Test
    void anAmountTheFlagDecidesAsksForTheFlagThoughEveryCriterionPasses() throws Exception {
        Decision qingdao = decision("""
                {"id": "ba-ma", "birthDate": "2001-10-10", "nationality": "MAINLAND", "hukouRegion": "370202",
                 "degrees": [{"level": "BACHELOR", "fullTime": true, "graduationDate": "2024-06-30"},
                             {"level": "MASTER", "graduationDate": "2025-06-30"}],
                 "employment": {"employerRegion": "370202", "employerType": "ENTERPRISE", "startDate": "2025-07-01"},
                 "socialInsurance": {"region": "370202"},
                 "housing": {"homesOwnedRegions": [], "boughtSubsidisedHousing": false}}
                """, "qingdao_graduate_housing_subsidy");
        // full-time, the master's rate; part-time, the bachelor's: eligible either way, but for which amount?
        assertThat(qingdao.outcome()).isEqualTo(Outcome.NEEDS_INFO);
        assertThat(qingdao.missingFacts()).containsExactly("degrees.fullTime");
        assertThat(qingdao.benefits()).isEmpty();
        assertThat(qingdao.criteria()).extracting(CriterionResult::status).containsOnly(Status.PASS);
        assertThat(criterion(qingdao, "DEGREE").message().en()).startsWith("whatever the full-time flag of the master's");
    }

    @Test
    void aPartWhoseAmountTheFlagDecidesIsNeedsInfoAndSoIsItsPolicy() throws Exception {
        Decision zibo = decision("""
                {"id": "ba-ma-home", "degrees": [{"level": "BACHELOR", "fullTime": true, "graduationDate": "2020-06-30"},
                                                 {"level": "MASTER", "graduationDate": "2022-06-30"}],
                 "employment": {"employerRegion": "370302", "employerType": "ENTERPRISE", "startDate": "2022-08-10"},
                 "socialInsurance": {"region": "370302"},
                 "housing": {"purchase": {"region": "370302", "date": "2023-05-10", "price": 900000, "firstHomeInCity": true}}}
                """, "zibo_graduate_subsidy");
        // the home part pays 120,000 for a master's and 80,000 for a bachelor's: which, the flag decides
        assertThat(zibo.parts()).extracting(Decision.PartView::part, Decision.PartView::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("junior_college", Outcome.INELIGIBLE),
                        org.assertj.core.groups.Tuple.tuple("home", Outcome.NEEDS_INFO));
        assertThat(zibo.outcome()).isEqualTo(Outcome.NEEDS_INFO);
        assertThat(zibo.missingFacts()).containsExactly("degrees.fullTime");
        assertThat(zibo.benefits()).isEmpty();
    }

    @Test
    void aGroupOfReadingsIsDescribedOnlyByWhatDescribesItAlone() throws Exception {
        Decision rent = decision("""
                {"id": "three", "birthDate": "1998-03-01",
                 "degrees": [{"level": "BACHELOR", "graduationDate": "2020-06-30"},
                             {"level": "BACHELOR", "graduationDate": "2022-06-30"},
                             {"level": "MASTER", "graduationDate": "2024-06-30"}],
                 "employment": {"employerRegion": "370102", "employerType": "ENTERPRISE", "startDate": "2024-07-01"},
                 "socialInsurance": {"region": "370102"}, "housing": {"homesOwnedRegions": []}}
                """, "jinan_rent_subsidy");
        CriterionResult degree = criterion(rent, "DEGREE");
        assertThat(degree.readings()).hasSizeGreaterThan(1);
        // three flags, eight readings: each group is said as alternatives (", or "), each naming the flags that pick
        // it out (" and "); a clause naming k of the 3 flags stands for 2^(3-k) readings, and together the groups
        // stand for each of the eight exactly once
        int covered = 0;
        for (CriterionResult.Reading r : degree.readings()) {
            for (String clause : r.when().en().split(", or ")) {
                assertThat(clause).matches("(the [^,]+ of \\d{4}-\\d{2}-\\d{2} is (not )?full-time)( and the [^,]+ of "
                        + "\\d{4}-\\d{2}-\\d{2} is (not )?full-time)*");
                covered += 1 << (3 - clause.split(" and the ").length);
            }
        }
        assertThat(covered).isEqualTo(8);
    }

    @Test
    void beyondFourFlagsTheRestStayInDoubtAndTheAnswerStaysSound() throws Exception {
        Decision qingdao = decision("""
                {"id": "many", "birthDate": "2001-10-10", "nationality": "MAINLAND", "hukouRegion": "370202",
                 "degrees": [{"level": "JUNIOR_COLLEGE", "graduationDate": "2019-06-30"},
                             {"level": "JUNIOR_COLLEGE", "graduationDate": "2020-06-30"},
                             {"level": "BACHELOR", "graduationDate": "2022-06-30"},
                             {"level": "BACHELOR", "graduationDate": "2023-06-30"},
                             {"level": "MASTER", "graduationDate": "2025-06-30"}],
                 "employment": {"employerRegion": "370202", "employerType": "ENTERPRISE", "startDate": "2025-07-01"},
                 "socialInsurance": {"region": "370202"},
                 "housing": {"homesOwnedRegions": [], "boughtSubsidisedHousing": false}}
                """, "qingdao_graduate_housing_subsidy");
        assertThat(qingdao.outcome()).isEqualTo(Outcome.NEEDS_INFO);
        assertThat(qingdao.missingFacts()).containsExactly("degrees.fullTime");
    }

    private static Decision decision(String person, String policy) throws Exception {
        PersonFacts facts = FactsMapper.INSTANCE.toFacts(JSON.readValue(person, PersonDto.class));
        List<Evaluation> evaluations = ruleset.evaluate(List.of(facts), AS_OF, policy::equals, Ruleset.Detail.REASONS);
        return evaluations.get(0).decisions().get(0);
    }

    private static CriterionResult criterion(Decision decision, String id) {
        return decision.criteria().stream().filter(c -> c.criterion().equals(id)).findFirst().orElseThrow();
    }
}
