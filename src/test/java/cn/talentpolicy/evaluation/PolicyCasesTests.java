package cn.talentpolicy.evaluation;

import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetLoader;
import cn.talentpolicy.engine.RulesetProblem;
import cn.talentpolicy.rulesets.CaseResult;
import cn.talentpolicy.rulesets.PolicyCases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs every policy case in {@code rules/<policy>/tests/*.yaml} as its own test, named by policy, file and
 * sentence. A policy writer runs one policy's cases with {@code -Dpolicy=<policy_id>} and one file's with
 * {@code -Dcases=<file name>}; a failure lists every expectation that was not met, expected against actual.
 */
class PolicyCasesTests {

    static final Path RULES = Path.of(System.getProperty("rules", "rules"));

    static Ruleset ruleset;

    @BeforeAll
    static void load() {
        ruleset = RulesetLoader.load(RULES);
    }

    @AfterAll
    static void close() {
        ruleset.close();
    }

    @TestFactory
    Stream<DynamicNode> policyCases() throws IOException {
        List<RulesetProblem> problems = new ArrayList<>();
        List<PolicyCases.Located> cases = PolicyCases.load(RULES, System.getProperty("policy"),
                System.getProperty("cases"), problems);
        assertThat(problems).as("case files that cannot be read").isEmpty();
        assertThat(cases).as("policy cases under " + RULES).isNotEmpty();
        Map<String, Map<String, List<PolicyCases.Located>>> byPolicyAndFile = new LinkedHashMap<>();
        for (PolicyCases.Located c : cases) {
            byPolicyAndFile.computeIfAbsent(c.policyId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(c.file(), k -> new ArrayList<>()).add(c);
        }
        return byPolicyAndFile.entrySet().stream().map(policy -> DynamicContainer.dynamicContainer(policy.getKey(),
                policy.getValue().entrySet().stream().map(file -> DynamicContainer.dynamicContainer(
                        Path.of(file.getKey()).getFileName().toString(), RULES.resolve(file.getKey()).toUri(),
                        file.getValue().stream().map(c -> DynamicTest.dynamicTest(c.policyCase().sentence(),
                                RULES.resolve(c.file()).toUri(), () -> check(c)))))));
    }

    static void check(PolicyCases.Located c) {
        CaseResult result = PolicyCases.run(ruleset, c);
        if (!result.passed()) {
            fail(c.file() + ":" + c.line() + ": " + result.describe());
        }
    }
}
