package cn.talentpolicy.evaluation;

import cn.talentpolicy.decisions.CriterionResult;
import cn.talentpolicy.decisions.Decision;
import cn.talentpolicy.engine.PolicyDefinition;
import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetHolder;
import cn.talentpolicy.engine.RulesetLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks over the rules folder that reviews miss: every policy has a README and test cases, and every reason
 * code a rule can give is produced by at least one of its policy's cases. (The loader itself refuses rules
 * without metadata and parameters that do not exist.)
 */
class RulesConsistencyTests {

    static Ruleset ruleset;

    @BeforeAll
    static void load() {
        ruleset = RulesetLoader.load(PolicyCasesTests.RULES);
    }

    @AfterAll
    static void close() {
        ruleset.close();
    }

    @Test
    void everyPolicyFolderHasAReadme() {
        for (PolicyDefinition policy : ruleset.sortedPolicies()) {
            assertThat(PolicyCasesTests.RULES.resolve(policy.id()).resolve("README.md"))
                    .as("%s/README.md", policy.id()).exists();
        }
    }

    @Test
    void everyReasonCodeIsProducedByACaseOfItsPolicy() throws IOException {
        EvaluationService service = new EvaluationService(new RulesetHolder(ruleset), Clock.system(ZoneId.of("Asia/Shanghai")));
        Map<String, Set<String>> produced = new HashMap<>();
        for (PolicyDefinition policy : ruleset.sortedPolicies()) {
            if (policy.kind() != PolicyDefinition.Kind.DECISION) {
                continue;
            }
            Path tests = PolicyCasesTests.RULES.resolve(policy.id()).resolve("tests");
            assertThat(tests).as("%s has test cases", policy.id()).isDirectory();
            try (Stream<Path> files = Files.list(tests)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                    for (PolicyCase c : PolicyCasesTests.YAML.readValue(file.toFile(), PolicyCase.File.class).cases()) {
                        Decision decision = service.evaluate(PolicyCasesTests.MAPPER.toFacts(c.person()), c.asOf(),
                                List.of(policy.id()), false).decisions().get(0);
                        for (CriterionResult r : decision.criteria()) {
                            produced.computeIfAbsent(policy.id(), k -> new HashSet<>())
                                    .add(r.criterion() + "/" + r.reasonCode());
                        }
                    }
                }
            }
        }
        List<String> uncovered = new ArrayList<>();
        for (PolicyDefinition policy : ruleset.sortedPolicies()) {
            for (PolicyDefinition.PartDefinition part : policy.parts()) {
                for (PolicyDefinition.CriterionDefinition criterion : part.criteria()) {
                    for (PolicyDefinition.ReasonDefinition reason : criterion.reasons()) {
                        String key = criterion.id() + "/" + reason.reasonCode();
                        if (!produced.getOrDefault(policy.id(), Set.of()).contains(key)) {
                            uncovered.add(policy.id() + ": " + key + " (rule \"" + reason.rule() + "\")");
                        }
                    }
                }
            }
        }
        assertThat(uncovered).as("reason codes no case produces").isEmpty();
    }
}
