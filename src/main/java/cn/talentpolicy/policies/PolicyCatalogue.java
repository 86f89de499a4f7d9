package cn.talentpolicy.policies;

import cn.talentpolicy.engine.PolicyDefinition;
import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetHolder;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Describes the loaded policies, with parameter values at a date (default today in Asia/Shanghai). */
@Service
public class PolicyCatalogue {

    private final RulesetHolder rulesets;
    private final Clock clock;

    public PolicyCatalogue(RulesetHolder rulesets, Clock clock) {
        this.rulesets = rulesets;
        this.clock = clock;
    }

    public record Listing(String rulesetVersion, LocalDate date, List<PolicyView> policies) {
    }

    public Listing all(LocalDate date) {
        Ruleset ruleset = rulesets.current();
        LocalDate on = date == null ? LocalDate.now(clock) : date;
        return new Listing(ruleset.version(), on,
                ruleset.sortedPolicies().stream().map(p -> view(ruleset, p, on)).toList());
    }

    public record Detail(String rulesetVersion, LocalDate date, PolicyView policy) {
    }

    public Optional<Detail> one(String policyId, LocalDate date) {
        Ruleset ruleset = rulesets.current();
        LocalDate on = date == null ? LocalDate.now(clock) : date;
        return Optional.ofNullable(ruleset.policy(policyId))
                .map(p -> new Detail(ruleset.version(), on, view(ruleset, p, on)));
    }

    private static PolicyView view(Ruleset ruleset, PolicyDefinition policy, LocalDate on) {
        List<PolicyView.Part> parts = policy.parts().stream()
                .map(part -> new PolicyView.Part(part.id(), part.title(), new java.util.TreeSet<>(part.ledger()),
                        part.criteria().stream()
                        .map(c -> new PolicyView.Criterion(c.id(), c.reasons().stream()
                                .map(r -> new PolicyView.Reason(r.status(), r.reasonCode(), r.message(), r.source(),
                                        r.missingFacts()))
                                .toList()))
                        .toList()))
                .toList();
        List<PolicyView.Parameter> parameters = ruleset.parameters().definitions().values().stream()
                .filter(d -> d.key().startsWith(policy.id() + "."))
                .map(d -> new PolicyView.Parameter(d.key(), d.description(), d.unit(), d.reference(), d.valueAt(on),
                        d.values()))
                .toList();
        return new PolicyView(policy.id(), policy.title(), policy.kind().name().toLowerCase(Locale.ROOT),
                policy.combine().name().toLowerCase(Locale.ROOT), policy.sources(), parts, parameters);
    }
}
