package cn.talentpolicy.system;

import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetHolder;
import cn.talentpolicy.engine.RulesetLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Loads the rules folder ({@code talent.rules-dir}, default {@code rules}) once at start-up. A folder with any
 * problem stops the start-up with every problem's file, line and message.
 */
@Configuration
public class RulesConfiguration {

    /** Dates without a zone (the default as-of date) are dates in Shandong. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final Logger log = LoggerFactory.getLogger(RulesConfiguration.class);

    @Bean
    public Clock clock() {
        return Clock.system(ZONE);
    }

    @Bean(destroyMethod = "")
    public RulesetHolder rulesetHolder(@Value("${talent.rules-dir:rules}") Path rulesDir) {
        long start = System.nanoTime();
        Ruleset ruleset = RulesetLoader.load(rulesDir);
        log.info("Loaded ruleset {} from {}: {} policies in {} ms", ruleset.version(), rulesDir.toAbsolutePath(),
                ruleset.sortedPolicies().size(), (System.nanoTime() - start) / 1_000_000);
        return new RulesetHolder(ruleset);
    }
}
