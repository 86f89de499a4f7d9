package cn.talentpolicy.engine;

import cn.talentpolicy.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A broken rules folder is refused whole, with each problem's file, line and a message a policy writer reads. */
class RulesetLoaderTests {

    static final Path RULES = TestRules.BUNDLED;

    @TempDir
    Path copy;

    @Test
    void theBundledRulesLoadWithEveryPolicy() {
        try (Ruleset ruleset = RulesetLoader.load(RULES)) {
            assertThat(ruleset.sortedPolicies()).extracting(PolicyDefinition::id)
                    .contains("jinan_talent_tier", "jinan_living_subsidy", "jinan_rent_subsidy",
                            "jinan_home_purchase_subsidy", "shandong_enclave_equal_treatment");
            assertThat(ruleset.version()).matches("sha256:[0-9a-f]{16}");
        }
    }

    @Test
    void theVersionIsTheContentHashOfTheFolder() throws IOException {
        copyRules();
        String before;
        try (Ruleset ruleset = RulesetLoader.load(copy)) {
            before = ruleset.version();
        }
        try (Ruleset same = RulesetLoader.load(copy)) {
            assertThat(same.version()).isEqualTo(before);
        }
        Files.writeString(copy.resolve("jinan_rent_subsidy/README.md"), "\nedited\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        try (Ruleset edited = RulesetLoader.load(copy)) {
            assertThat(edited.version()).isNotEqualTo(before);
        }
    }

    @Test
    void aSyntaxErrorNamesTheFileAndLine() throws IOException {
        copyRules();
        Path drl = copy.resolve("jinan_rent_subsidy/rent_subsidy.drl");
        List<String> lines = Files.readAllLines(drl);
        int when = lines.indexOf("when");
        lines.set(when, "whn");
        Files.write(drl, lines);
        RulesetException e = catchThrowableOfType(RulesetException.class, () -> RulesetLoader.load(copy));
        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo("jinan_rent_subsidy/rent_subsidy.drl"));
        assertThat(e.problems().get(0).line()).isBetween(when - 2, when + 3);
        assertThat(e.getMessage()).doesNotContain("Parser returned a null Package");
    }

    @Test
    void aRuleWithoutItsSourceIsRefused() throws IOException {
        String file = "jinan_living_subsidy/living_subsidy.drl";
        String text = Files.readString(RULES.resolve(file));
        int rule = text.indexOf("rule \"living subsidy: employed by an enterprise\"");
        int source = text.indexOf("@source(", rule);
        RulesetProblem problem = theOneProblemOf(file, text.substring(0, source) + text.substring(text.indexOf('\n', source) + 1));
        assertThat(problem.line()).isEqualTo(lineOf(text, rule));
        assertThat(problem.message()).contains("employed by an enterprise").contains("@source");
    }

    @Test
    void aRuleThatTakesBackAFactIsRefused() throws IOException {
        String file = "jinan_rent_subsidy/rent_subsidy.drl";
        String text = Files.readString(RULES.resolve(file));
        int call = text.indexOf("Verdicts.criterion(drools);", text.indexOf("rule \"rent subsidy: employed by an enterprise\""));
        RulesetProblem problem = theOneProblemOf(file, text.substring(0, call) + "retract( $w );\n    " + text.substring(call));
        assertThat(problem.line()).isEqualTo(lineOf(text, call));
        assertThat(problem.message()).contains("retract").contains("only insert");
    }

    /** Loads a copy of the rules in which {@code file} reads {@code edited}: the one problem it is refused for. */
    private RulesetProblem theOneProblemOf(String file, String edited) throws IOException {
        copyRules();
        Files.writeString(copy.resolve(file), edited);
        RulesetException e = catchThrowableOfType(RulesetException.class, () -> RulesetLoader.load(copy));
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.file()).isEqualTo(file));
        return e.problems().get(0);
    }

    @Test
    void aParameterThatDoesNotExistIsRefused() throws IOException {
        copyRules();
        Path drl = copy.resolve("jinan_rent_subsidy/rent_subsidy.drl");
        Files.writeString(drl, Files.readString(drl).replace("jinan_rent_subsidy.graduation_window_years",
                "jinan_rent_subsidy.graduation_window"));
        RulesetException e = catchThrowableOfType(RulesetException.class, () -> RulesetLoader.load(copy));
        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("jinan_rent_subsidy/rent_subsidy.drl");
            assertThat(p.line()).isPositive();
            assertThat(p.message()).contains("jinan_rent_subsidy.graduation_window,");
        });
    }

    @Test
    void aReasonCodeUsedTwiceForOneCriterionIsRefused() throws IOException {
        copyRules();
        Path drl = copy.resolve("jinan_rent_subsidy/rent_subsidy.drl");
        Files.writeString(drl, Files.readString(drl).replace("@reasonCode(NOT_INSURED_IN_JINAN)",
                "@reasonCode(INSURED_IN_JINAN)"));
        RulesetException e = catchThrowableOfType(RulesetException.class, () -> RulesetLoader.load(copy));
        assertThat(e.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("reason code INSURED_IN_JINAN is used by rule"));
    }

    @Test
    void aPolicyFolderWithoutPolicyYamlIsRefused() throws IOException {
        copyRules();
        Files.delete(copy.resolve("jinan_rent_subsidy/policy.yaml"));
        assertThatThrownBy(() -> RulesetLoader.load(copy)).isInstanceOf(RulesetException.class)
                .hasMessageContaining("jinan_rent_subsidy/policy.yaml: missing");
    }

    private void copyRules() throws IOException {
        TestRules.copyTo(copy);
    }

    private static int lineOf(String text, int index) {
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }
}
