package cn.talentpolicy.evaluation;

import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetLoader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tests of {@link UnknownFactsPropertiesTests}: a rule deliberately wrong about an unknown fact, in a copy of the
 * bundled rules, is caught by the property it breaks, and its shrunk case names the policy and the fact.
 */
class UnknownFactsCheckTests {

    static final Path RULES = Path.of("rules");
    static final String QINGDAO = "qingdao_graduate_housing_subsidy/housing_subsidy.drl";

    @TempDir
    Path temp;

    @Test
    void aRuleThatTreatsAnUnknownFactAsFalseBreaksSoundness() throws IOException {
        // whether the person bought subsidised housing, when not given, is read as "no": the criterion passes
        List<UnknownFacts.Violation> found = violations(mutated(
                "$h : Housing( boughtSubsidisedHousing == false )", "$h : Housing( boughtSubsidisedHousing != true )",
                "$h : Housing( boughtSubsidisedHousing == null )",
                "$h : Housing( boughtSubsidisedHousing == null, boughtSubsidisedHousing == true )"),
                "/housing/boughtSubsidisedHousing");
        assertThat(found).anySatisfy(v -> {
            assertThat(v.property()).isEqualTo("soundness");
            assertThat(v.policyId()).isEqualTo("qingdao_graduate_housing_subsidy");
            assertThat(v.detail()).contains("NO_SUBSIDISED_HOUSING is PASS", "FAIL");
        });
    }

    @Test
    void aRuleThatCallsAKnownFactUnknownBreaksPrecision() throws IOException {
        List<UnknownFacts.Violation> found = violations(mutated(
                "@criterion(NO_SUBSIDISED_HOUSING) @status(PASS) @reasonCode(NO_SUBSIDISED_HOUSING)",
                "@criterion(NO_SUBSIDISED_HOUSING) @status(UNKNOWN) @reasonCode(NO_SUBSIDISED_HOUSING)"
                        + " @missing(\"housing.boughtSubsidisedHousing\")"), "/employment/onEstablishment");
        assertThat(found).anySatisfy(v -> {
            assertThat(v.property()).isEqualTo("precision");
            assertThat(v.detail()).contains("NO_SUBSIDISED_HOUSING is UNKNOWN");
        });
    }

    @Test
    void aRuleThatAsksForAFactItDoesNotNeedBreaksMinimality() throws IOException {
        List<UnknownFacts.Violation> found = violations(mutated(
                "@missing(\"housing.boughtSubsidisedHousing\")", "@missing(\"housing.boughtSubsidisedHousing, hukouRegion\")"),
                "/housing/boughtSubsidisedHousing");
        assertThat(found).anySatisfy(v -> {
            assertThat(v.property()).isEqualTo("minimality");
            assertThat(v.detail()).contains("lists hukouRegion");
        });
    }

    @Test
    void theBundledRulesKeepToTheConventionOnTheSamePeople() {
        try (Ruleset ruleset = RulesetLoader.load(RULES)) {
            UnknownFacts check = new UnknownFacts(ruleset, RULES);
            for (UnknownFacts.Scenario s : qingdaoGraduates("/housing/boughtSubsidisedHousing")) {
                assertThat(check.check(s)).as(s.toString()).isEmpty();
            }
        }
    }

    @Test
    void aFailureIsPrintedAsAPolicyCaseOfASmallerPerson() throws IOException {
        Path rules = mutated("$h : Housing( boughtSubsidisedHousing == false )",
                "$h : Housing( boughtSubsidisedHousing != true )", "$h : Housing( boughtSubsidisedHousing == null )",
                "$h : Housing( boughtSubsidisedHousing == null, boughtSubsidisedHousing == true )");
        try (Ruleset ruleset = RulesetLoader.load(rules)) {
            UnknownFacts check = new UnknownFacts(ruleset, rules);
            UnknownFacts.Scenario s = qingdaoGraduates("/housing/boughtSubsidisedHousing").get(0);
            ((ObjectNode) s.person()).putArray("honours").add("MUNICIPAL_LEADING_TALENT");
            UnknownFacts.Violation v = check.check(s).stream()
                    .filter(x -> x.policyId().equals("qingdao_graduate_housing_subsidy")).findFirst().orElseThrow();
            UnknownFacts.Scenario shrunk = check.shrink(s, v);
            assertThat(shrunk.person().has("honours")).as("what the failure does not need is taken away").isFalse();
            String yaml = check.asCase(shrunk, v);
            assertThat(yaml).contains("- case: \"soundness (qingdao_graduate_housing_subsidy)", "asOf: ",
                    "person: {", "\"housing\":{\"homesOwnedRegions\":[]}", "outcome: NEEDS_INFO",
                    "missingFacts: [housing.boughtSubsidisedHousing]");
        }
    }

    private List<UnknownFacts.Violation> violations(Path rules, String omitted) {
        try (Ruleset ruleset = RulesetLoader.load(rules)) {
            UnknownFacts check = new UnknownFacts(ruleset, rules);
            List<UnknownFacts.Violation> found = new ArrayList<>();
            qingdaoGraduates(omitted).forEach(s -> found.addAll(check.check(s)));
            return found;
        }
    }

    /** Recent graduates living, working and insured in Qingdao, with one fact omitted. */
    static List<UnknownFacts.Scenario> qingdaoGraduates(String omitted) {
        List<UnknownFacts.Scenario> people = new ArrayList<>();
        for (long seed = 1; seed <= 5; seed++) {
            UnknownFacts.Scenario s = UnknownFacts.generate(seed);
            ObjectNode p = UnknownFacts.JSON.createObjectNode();
            p.put("id", "qd-" + seed);
            p.put("birthDate", s.asOf().minusYears(24).toString());
            p.put("nationality", "MAINLAND");
            p.put("hukouRegion", "370202");
            p.putArray("degrees").addObject().put("level", "BACHELOR").put("fullTime", true)
                    .put("graduationDate", s.asOf().minusYears(1).toString());
            p.putObject("employment").put("employerRegion", "370202").put("employerType", "ENTERPRISE")
                    .put("onEstablishment", false).put("startDate", s.asOf().minusMonths(6).toString())
                    .put("contractYears", 3);
            p.putObject("socialInsurance").put("region", "370202");
            p.putObject("housing").put("boughtSubsidisedHousing", false).putArray("homesOwnedRegions");
            people.add(new UnknownFacts.Scenario(seed, s.asOf(), p, List.of(omitted)));
        }
        return people;
    }

    /** A copy of the bundled rules with the Qingdao rules' text replaced (pairs of old and new). */
    private Path mutated(String... replacements) throws IOException {
        Path copy = cn.talentpolicy.TestRules.copyTo(Files.createDirectories(temp.resolve("rules")));
        for (int i = 0; i < replacements.length; i += 2) {
            cn.talentpolicy.TestRules.replace(copy, QINGDAO, replacements[i], replacements[i + 1]);
        }
        return copy;
    }
}
