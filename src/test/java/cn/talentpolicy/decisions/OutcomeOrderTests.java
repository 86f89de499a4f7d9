package cn.talentpolicy.decisions;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a NEEDS_INFO decision waits for is listed in the order the policy lists its criteria and parts, whatever
 * order the rules judged them in (the order rules fire in is the engine's business, not the person's).
 */
class OutcomeOrderTests {

    private static CriterionResult unknown(String criterion, String... missing) {
        return new CriterionResult("p1", "policy", "main", criterion, Status.UNKNOWN, "R", null, "s",
                List.of(missing), "rule", List.of());
    }

    @Test
    void aPartListsTheFactsItWaitsForInTheOrderOfItsCriteria() {
        List<String> criteria = List.of("TALENT_TIER", "INSURED", "HOME");
        List<CriterionResult> firedLastFirst = List.of(unknown("HOME", "housing.homesOwnedRegions"),
                unknown("INSURED", "socialInsurance.region"), unknown("TALENT_TIER", "degrees"));

        PartOutcome part = PartOutcome.of("p1", "policy", "main", false, firedLastFirst, criteria);

        assertThat(part.outcome()).isEqualTo(Outcome.NEEDS_INFO);
        assertThat(part.missingFacts()).containsExactly("degrees", "socialInsurance.region", "housing.homesOwnedRegions");
        List<CriterionResult> firedOtherwise = List.of(firedLastFirst.get(1), firedLastFirst.get(2), firedLastFirst.get(0));
        assertThat(PartOutcome.of("p1", "policy", "main", false, firedOtherwise, criteria).missingFacts())
                .isEqualTo(part.missingFacts());
    }

    @Test
    void aPolicyListsThemInTheOrderOfItsParts() {
        PartOutcome first = new PartOutcome("p1", "policy", "in_station", Outcome.NEEDS_INFO, List.of("postdoc.station"));
        PartOutcome second = new PartOutcome("p1", "policy", "exit", Outcome.NEEDS_INFO, List.of("employment.contractYears"));

        PolicyOutcome policy = PolicyOutcome.of("p1", "policy", List.of(second, first), List.of("in_station", "exit"));

        assertThat(policy.missingFacts()).containsExactly("postdoc.station", "employment.contractYears");
    }
}
