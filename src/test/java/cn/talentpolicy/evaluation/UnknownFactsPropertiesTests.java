package cn.talentpolicy.evaluation;

import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Unknown only when it could matter" (catalogue, conventions) over generated people, every policy of the bundled
 * rules: soundness, precision and minimality as {@link UnknownFacts} checks them. The people come from a seeded
 * generator ({@code -Dunknown.seed}, {@code -Dunknown.people}), so a failure is found again by its seed; each
 * failing property is shrunk to a small person and printed as a policy case to paste beside the policy.
 */
class UnknownFactsPropertiesTests {

    static final Path RULES = Path.of("rules");
    static final long SEED = Long.getLong("unknown.seed", 20261208L);
    static final int PEOPLE = Integer.getInteger("unknown.people", 2_000);

    /**
     * Imprecision that is known and not yet removed, tolerated only for the property and policy named here and a
     * scenario that omits one of the facts listed (each entry must still be seen, so it goes once it is fixed).
     * The engine reads omitted degree flags each way they could be; it does not yet read other omitted facts so.
     * With the employer's region or type, or where insurance is paid, omitted, the Jinan rent subsidy waits both
     * for it (employed and insured in Jinan, at an enterprise?) and for the living subsidy (not combined with it),
     * which waits for the same fact: where the living subsidy would be paid the rent subsidy is not, elsewhere the
     * rent subsidy fails on that fact, so every filling can be INELIGIBLE while the rules see two unknown criteria
     * and answer NEEDS_INFO.
     */
    static final List<String> SHARED_WITH_LIVING = List.of("employment.employerRegion", "employment.employerType",
            "socialInsurance.region");
    static final List<List<String>> KNOWN = List.of(
            List.of("precision", "jinan_rent_subsidy"),
            List.of("minimality", "jinan_rent_subsidy"));

    static Ruleset ruleset;

    @BeforeAll
    static void load() {
        ruleset = RulesetLoader.load(RULES);
    }

    @AfterAll
    static void close() {
        ruleset.close();
    }

    @Test
    void everyPolicyDecidesWhatTheKnownFactsDecide() {
        UnknownFacts check = new UnknownFacts(ruleset, RULES);
        Map<String, String> firstOfEach = new LinkedHashMap<>(); // property and policy -> the case that shows it
        int omittedDates = 0;
        java.util.Set<List<String>> seenKnown = new java.util.HashSet<>();
        for (int i = 0; i < PEOPLE; i++) {
            UnknownFacts.Scenario scenario = UnknownFacts.generate(SEED + i);
            omittedDates += scenario.omitted().stream().anyMatch(UnknownFacts::isDate) ? 1 : 0;
            for (UnknownFacts.Violation v : check.check(scenario)) {
                List<String> known = KNOWN.stream().filter(k -> k.get(0).equals(v.property())
                        && k.get(1).equals(v.policyId()) && scenario.omitted().stream()
                        .map(UnknownFacts::factName).anyMatch(SHARED_WITH_LIVING::contains)).findFirst().orElse(null);
                if (known != null) {
                    seenKnown.add(known);
                    continue;
                }
                String key = v.property() + " " + v.policyId();
                if (!firstOfEach.containsKey(key)) {
                    UnknownFacts.Scenario small = check.shrink(scenario, v);
                    UnknownFacts.Violation still = check.check(small).stream()
                            .filter(w -> w.property().equals(v.property()) && w.policyId().equals(v.policyId()))
                            .findFirst().orElse(v);
                    firstOfEach.put(key, check.asCase(small, still));
                }
            }
        }
        assertThat(omittedDates).as("people with a date omitted, among " + PEOPLE).isGreaterThan(PEOPLE / 20);
        assertThat(seenKnown).as("known imprecision still seen (remove an entry of KNOWN once it is gone)")
                .containsExactlyInAnyOrderElementsOf(KNOWN);
        List<String> cases = new ArrayList<>(firstOfEach.values());
        assertThat(cases).as("policy cases that break the convention (shrunk; paste beside the policy):%n%s",
                String.join("\n", cases)).isEmpty();
    }
}
