package cn.talentpolicy.rulesets;

import cn.talentpolicy.TestRules;
import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetHolder;
import cn.talentpolicy.engine.RulesetLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** A new ruleset replaces the live one only when it compiles and passes its cases; otherwise the old one serves. */
class RulesetReloaderTests {

    @TempDir
    Path rules;

    @TempDir
    Path data;

    RulesetHolder holder;
    RulesetReloader reloader;
    String original;

    @BeforeEach
    void start() throws IOException {
        TestRules.copyTo(rules);
        holder = new RulesetHolder(RulesetLoader.load(rules));
        original = holder.current().version();
        reloader = new RulesetReloader(holder, rules, data, 0, 60, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        holder.current().close();
    }

    @Test
    void aRulesetThatFailsToCompileIsRefusedAndTheOldOneKeepsServing() throws IOException {
        Ruleset before = holder.current();
        TestRules.replace(rules, "jinan_rent_subsidy/rent_subsidy.drl", "when", "whn");
        RulesetReloader.Attempt attempt = reloader.reload("test");
        assertThat(attempt.accepted()).isFalse();
        assertThat(attempt.report().errors()).isNotEmpty();
        assertThat(holder.current()).isSameAs(before);
        assertThat(attempt.servingVersion()).isEqualTo(original);
        assertThat(before.sortedPolicies()).isNotEmpty();
    }

    @Test
    void aRulesetThatFailsItsCasesIsRefused() throws IOException {
        TestRules.replace(rules, "jinan_living_subsidy/parameters/living_subsidy.yaml", "E_MASTER: 1000", "E_MASTER: 1100");
        RulesetReloader.Attempt attempt = reloader.reload("test");
        assertThat(attempt.accepted()).isFalse();
        assertThat(attempt.report().errors()).anySatisfy(f -> assertThat(f.message()).contains("expected 1000, actual 1100"));
        assertThat(holder.current().version()).isEqualTo(original);
    }

    @Test
    void aRulesFolderWithARuleOutsideTheVocabularyIsRefusedAndTheOldOneKeepsServing() throws IOException {
        Ruleset before = holder.current();
        TestRules.replace(rules, "jinan_rent_subsidy/rent_subsidy.drl", "Verdicts.criterion(drools);",
                "Runtime.getRuntime().exec(\"touch /tmp/reloaded-rule-ran\");\n    Verdicts.criterion(drools);");
        RulesetReloader.Attempt attempt = reloader.reload("test");
        assertThat(attempt.accepted()).isFalse();
        assertThat(attempt.report().errors()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("jinan_rent_subsidy/rent_subsidy.drl");
            assertThat(f.line()).isPositive();
            assertThat(f.message()).contains("Runtime is outside the rule vocabulary");
        });
        assertThat(holder.current()).isSameAs(before);
        assertThat(before.sortedPolicies()).isNotEmpty();
        assertThat(reloader.history(10)).singleElement().satisfies(h -> {
            assertThat(h.accepted()).isFalse();
            assertThat(h.servingVersion()).isEqualTo(original);
        });
    }

    @Test
    void aValidChangeGoesLiveAndTheHistoryRecordsEveryAttempt() throws IOException {
        TestRules.replace(rules, "jinan_rent_subsidy/rent_subsidy.drl", "when", "whn");
        reloader.reload("test");
        TestRules.replace(rules, "jinan_rent_subsidy/rent_subsidy.drl", "whn", "when");
        TestRules.append(rules, "CHANGELOG.md", "\n- a note\n");
        RulesetReloader.Attempt attempt = reloader.reload("test");
        assertThat(attempt.accepted()).isTrue();
        assertThat(holder.current().version()).isNotEqualTo(original).isEqualTo(attempt.candidateVersion());
        assertThat(reloader.history(10)).extracting(RulesetReloader.HistoryLine::accepted).containsExactly(false, true);
        assertThat(Files.readAllLines(data.resolve("rulesets/history.jsonl"))).hasSize(2);
    }

    @Test
    void theWatcherReloadsOnlyWhenTheFolderChanged() throws IOException {
        reloader.reloadIfChanged();
        assertThat(reloader.history(10)).isEmpty();
        TestRules.append(rules, "CHANGELOG.md", "\n- a note\n");
        reloader.reloadIfChanged();
        assertThat(reloader.history(10)).singleElement().satisfies(h -> assertThat(h.accepted()).isTrue());
        reloader.reloadIfChanged();
        assertThat(reloader.history(10)).hasSize(1);
    }
}
