package cn.talentpolicy.evaluation;

import cn.talentpolicy.engine.PolicyDefinition;
import cn.talentpolicy.rulesets.RulesetValidator;
import cn.talentpolicy.rulesets.ValidationReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled rules pass every check a policy writer's validation makes: they compile with their metadata,
 * every parameter read has a value through each policy's life, every case passes and every reason code a rule
 * can give is produced by some case. And each policy folder has its README.
 */
class RulesConsistencyTests {

    @Test
    void theBundledRulesValidateWithoutErrorsOrWarnings() {
        ValidationReport report = RulesetValidator.validate(PolicyCasesTests.RULES);
        try {
            assertThat(report.errors()).as(report.describe()).isEmpty();
            assertThat(report.warnings()).as(report.describe()).isEmpty();
            assertThat(report.casesPassed()).isEqualTo(report.casesRun()).isPositive();
            for (PolicyDefinition policy : report.ruleset().sortedPolicies()) {
                assertThat(PolicyCasesTests.RULES.resolve(policy.id()).resolve("README.md"))
                        .as("%s/README.md", policy.id()).exists();
            }
        } finally {
            if (report.ruleset() != null) {
                report.ruleset().close();
            }
        }
    }
}
