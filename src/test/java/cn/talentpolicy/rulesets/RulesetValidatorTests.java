package cn.talentpolicy.rulesets;

import cn.talentpolicy.TestRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A deliberately broken copy of the rules is reported precisely: file, line and a message a policy writer reads. */
class RulesetValidatorTests {

    @TempDir
    Path rules;

    ValidationReport report;

    @BeforeEach
    void copy() throws IOException {
        TestRules.copyTo(rules);
    }

    @AfterEach
    void close() {
        if (report != null && report.ruleset() != null) {
            report.ruleset().close();
        }
    }

    @Test
    void aSyntaxErrorIsReportedWithItsFileAndLine() throws IOException {
        TestRules.replace(rules, "jinan_rent_subsidy/rent_subsidy.drl", "then\n    Verdicts.criterion(drools);\nend",
                "thn\n    Verdicts.criterion(drools);\nend");
        report = RulesetValidator.validate(rules);
        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).first().satisfies(f -> {
            assertThat(f.file()).isEqualTo("jinan_rent_subsidy/rent_subsidy.drl");
            assertThat(f.line()).isPositive();
            assertThat(f.message()).contains("mismatched input");
        });
    }

    @Test
    void aRuleWithoutItsReasonCodeIsReported() throws IOException {
        TestRules.replace(rules, "jinan_living_subsidy/living_subsidy.drl", "@reasonCode(NOT_INSURED_IN_JINAN)", "");
        report = RulesetValidator.validate(rules);
        assertThat(report.errors()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("jinan_living_subsidy/living_subsidy.drl");
            assertThat(f.line()).isPositive();
            assertThat(f.message()).contains("living subsidy: not insured in Jinan").contains("@reasonCode");
        });
    }

    @Test
    void aParameterWithNoValueInPartOfThePolicysLifeIsReported() throws IOException {
        TestRules.replace(rules, "jinan_rent_subsidy/parameters/rent_subsidy.yaml",
                "max_months:\n  description: The most months the rent subsidy is paid\n  unit: months\n"
                        + "  reference: \"Jinan \\\"30 items\\\" (3p): at most 36 months\"\n  values:\n    2021-01-01: 36",
                "max_months:\n  description: The most months the rent subsidy is paid\n  unit: months\n"
                        + "  reference: \"Jinan \\\"30 items\\\" (3p): at most 36 months\"\n  values:\n    2022-01-01: 36");
        report = RulesetValidator.validate(rules);
        assertThat(report.errors()).anySatisfy(f -> assertThat(f.message())
                .contains("jinan_rent_subsidy.max_months has no value from 2021-01-01").contains("until 2022-01-01"));
    }

    @Test
    void aFailingCaseIsReportedWithExpectedAgainstActual() throws IOException {
        TestRules.replace(rules, "jinan_rent_subsidy/parameters/rent_subsidy.yaml",
                "{BACHELOR: 700, JUNIOR_COLLEGE: 500}", "{BACHELOR: 750, JUNIOR_COLLEGE: 500}");
        report = RulesetValidator.validate(rules);
        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).anySatisfy(f -> {
            assertThat(f.file()).startsWith("jinan_rent_subsidy/tests/");
            assertThat(f.line()).isPositive();
            assertThat(f.message()).contains("benefits[0].amount: expected 700, actual 750");
        });
    }

    @Test
    void aReasonCodeNoCaseProducesAndAPolicyWithoutCasesAreWarnings() throws IOException {
        Files.delete(rules.resolve("jinan_rent_subsidy/tests/unknown_facts.yaml"));
        report = RulesetValidator.validate(rules);
        assertThat(report.valid()).isTrue();
        assertThat(report.warnings()).anySatisfy(f -> {
            assertThat(f.file()).isEqualTo("jinan_rent_subsidy/rent_subsidy.drl");
            assertThat(f.message()).contains("GRADUATION_DATE_UNKNOWN").contains("produced by no case");
        });
        report.ruleset().close();
        try (var files = Files.list(rules.resolve("jinan_rent_subsidy/tests"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        report = RulesetValidator.validate(rules);
        assertThat(report.warnings()).anySatisfy(f -> assertThat(f.toString())
                .isEqualTo("jinan_rent_subsidy/tests: no test cases: add tests/*.yaml"));
    }

    @Test
    void aCaseFileThatIsNotUtf8IsReportedNotThrown() throws IOException {
        Files.write(rules.resolve("jinan_rent_subsidy/tests/gbk.yaml"), new byte[]{'c', 'a', (byte) 0xC4, (byte) 0xE3});
        report = RulesetValidator.validate(rules);
        assertThat(report.errors()).anySatisfy(f -> {
            assertThat(f.file()).isEqualTo("jinan_rent_subsidy/tests/gbk.yaml");
            assertThat(f.message()).contains("cannot be read as UTF-8");
        });
    }

    @Test
    void aCaseFileThatIsNotCasesIsReported() throws IOException {
        Files.writeString(rules.resolve("jinan_rent_subsidy/tests/broken.yaml"), "cases:\n  - case: \"x\"\n    asof: 2026-01-01\n");
        report = RulesetValidator.validate(rules);
        assertThat(report.errors()).anySatisfy(f -> {
            assertThat(f.file()).isEqualTo("jinan_rent_subsidy/tests/broken.yaml");
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.message()).contains("unknown key 'asof'");
        });
    }
}
