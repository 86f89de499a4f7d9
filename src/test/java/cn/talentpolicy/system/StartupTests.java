package cn.talentpolicy.system;

import cn.talentpolicy.TalentPolicyApplication;
import cn.talentpolicy.engine.RulesetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class StartupTests {

    @TempDir
    Path rules;

    @Test
    void theServiceRefusesToStartOnRulesThatDoNotCompileAndSaysWhere() throws IOException {
        Files.createDirectories(rules.resolve("broken_policy"));
        Files.writeString(rules.resolve("broken_policy/policy.yaml"), """
                id: broken_policy
                title: {zh: 坏政策, en: Broken policy}
                sources: ["none"]
                """);
        Files.writeString(rules.resolve("broken_policy/broken.drl"), """
                package rules.broken_policy;

                rule "half written"
                when
                    Person( )
                the
                end
                """);
        Throwable failure = catchThrowable(() -> new SpringApplication(TalentPolicyApplication.class)
                .run("--talent.rules-dir=" + rules, "--server.port=0"));
        Throwable cause = failure;
        while (cause != null && !(cause instanceof RulesetException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("the start-up failure names the rules problem").isInstanceOf(RulesetException.class);
        assertThat(((RulesetException) cause).problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("broken_policy/broken.drl");
            assertThat(p.line()).isBetween(5, 7);
        });
    }
}
