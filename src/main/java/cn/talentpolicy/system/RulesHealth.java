package cn.talentpolicy.system;

import cn.talentpolicy.engine.RulesetHolder;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness: the service is ready once a ruleset serves. A failed reload leaves the last good one
 * serving, so it stays ready.
 */
@Component("rules")
class RulesHealth implements HealthIndicator {

    private final RulesetHolder rulesets;

    RulesHealth(RulesetHolder rulesets) {
        this.rulesets = rulesets;
    }

    @Override
    public Health health() {
        return rulesets.current() != null ? Health.up().withDetail("rulesetVersion", rulesets.current().version())
                .build() : Health.outOfService().build();
    }
}
