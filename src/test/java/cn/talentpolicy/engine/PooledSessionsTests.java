package cn.talentpolicy.engine;

import cn.talentpolicy.TestRules;
import cn.talentpolicy.decisions.Evaluation;
import cn.talentpolicy.facts.PersonFacts;
import cn.talentpolicy.input.FactsMapper;
import cn.talentpolicy.rulesets.PolicyCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Untraced evaluations reuse pooled rule sessions. A session given back after a rule failed midway, with half
 * its facts inserted and rules waiting to fire, must be empty when the next person is evaluated in it.
 */
class PooledSessionsTests {

    private static final java.time.LocalDate FAILING_DAY = java.time.LocalDate.of(1900, 6, 1);

    @TempDir
    Path copy;

    @Test
    void aSessionThatFailedMidwayDecidesTheNextPersonAsAFreshRulesetDoes() throws IOException {
        TestRules.copyTo(copy);
        // a rule that fails once a workplace is derived, on an as-of date no case uses: the session fails midway
        Files.writeString(copy.resolve("common/fail_midway.drl"), """
                package rules.common;

                import cn.talentpolicy.facts.AsOf;
                import cn.talentpolicy.facts.Workplace;

                rule "fail midway on purpose"
                    @policy(common) @reasonCode(FAIL_MIDWAY) @source("a test")
                when
                    AsOf( date.getYear() == 1900 )
                    Workplace()
                then
                    Integer.parseInt("failing on purpose");
                end
                """);
        List<PolicyCases.Located> cases = PolicyCases.load(copy, "jinan_rent_subsidy", null, new ArrayList<>());
        assertThat(cases).isNotEmpty();

        int failed = 0;
        try (Ruleset reused = RulesetLoader.load(copy); Ruleset fresh = RulesetLoader.load(copy)) {
            for (PolicyCases.Located c : cases) {
                PersonFacts person = FactsMapper.INSTANCE.toFacts(c.policyCase().person());
                for (Ruleset.Detail detail : List.of(Ruleset.Detail.OUTCOMES, Ruleset.Detail.REASONS)) {
                    failed += catchThrowable(() -> reused.evaluate(List.of(person), FAILING_DAY, id -> true,
                            detail)) != null ? 1 : 0;
                    Evaluation afterFailure = reused.evaluate(List.of(person), c.policyCase().asOf(), id -> true, detail).get(0);
                    Evaluation inFreshRuleset = fresh.evaluate(List.of(person), c.policyCase().asOf(), id -> true,
                            detail).get(0);
                    assertThat(afterFailure.decisions()).as(c.policyCase().sentence()).isEqualTo(inFreshRuleset.decisions());
                }
            }
        }
        assertThat(failed).as("evaluations that failed midway").isGreaterThan(cases.size() / 2);
    }

    /** A reload closes the ruleset it replaced a minute later; a request still running on it must not fail. */
    @Test
    void aRulesetClosedUnderALateRequestStillAnswersIt() throws IOException {
        List<PolicyCases.Located> cases = PolicyCases.load(Path.of("rules"), "jinan_rent_subsidy", null, new ArrayList<>());
        PolicyCases.Located c = cases.get(0);
        PersonFacts person = FactsMapper.INSTANCE.toFacts(c.policyCase().person());
        Ruleset open = RulesetLoader.load(Path.of("rules"));
        Evaluation before = open.evaluate(List.of(person), c.policyCase().asOf(), id -> true, Ruleset.Detail.OUTCOMES).get(0);
        open.close();
        Evaluation after = open.evaluate(List.of(person), c.policyCase().asOf(), id -> true, Ruleset.Detail.OUTCOMES).get(0);
        assertThat(after.decisions()).isEqualTo(before.decisions());
    }

    /** The benchmark's floor matches facts and fires no rule; the matches left waiting must not reach the next person. */
    @Test
    void aSessionLeftWithUnfiredMatchesDecidesTheNextPersonAsAFreshRulesetDoes() throws IOException {
        List<PolicyCases.Located> cases = PolicyCases.load(Path.of("rules"), "jinan_rent_subsidy", null, new ArrayList<>());
        assertThat(cases).isNotEmpty();
        try (Ruleset reused = RulesetLoader.load(Path.of("rules")); Ruleset fresh = RulesetLoader.load(Path.of("rules"))) {
            for (PolicyCases.Located c : cases) {
                PersonFacts person = FactsMapper.INSTANCE.toFacts(c.policyCase().person());
                reused.matchOnly(List.of(person), c.policyCase().asOf());
                Evaluation afterMatching = reused.evaluate(List.of(person), c.policyCase().asOf(), id -> true,
                        Ruleset.Detail.OUTCOMES).get(0);
                Evaluation inFreshRuleset = fresh.evaluate(List.of(person), c.policyCase().asOf(), id -> true,
                        Ruleset.Detail.OUTCOMES).get(0);
                assertThat(afterMatching.decisions()).as(c.policyCase().sentence()).isEqualTo(inFreshRuleset.decisions());
            }
        }
    }
}
