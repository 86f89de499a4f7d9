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
        for (int i = 0; i < PEOPLE; i++) {
            UnknownFacts.Scenario scenario = UnknownFacts.generate(SEED + i);
            omittedDates += scenario.omitted().stream().anyMatch(UnknownFacts::isDate) ? 1 : 0;
            for (UnknownFacts.Violation v : check.check(scenario)) {
                String key = v.property() + " " + v.policyId();
                if (!firstOfEach.containsKey(key)) {
                    firstOfEach.put(key, check.asCase(check.shrink(scenario, v), v));
                }
            }
        }
        assertThat(omittedDates).as("people with a date omitted, among " + PEOPLE).isGreaterThan(PEOPLE / 10);
        List<String> cases = new ArrayList<>(firstOfEach.values());
        assertThat(cases).as("policy cases that break the convention (shrunk; paste beside the policy):%n%s",
                String.join("\n", cases)).isEmpty();
    }
}
