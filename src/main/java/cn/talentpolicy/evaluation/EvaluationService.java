package cn.talentpolicy.evaluation;

import cn.talentpolicy.decisions.Evaluation;
import cn.talentpolicy.engine.PolicyDefinition;
import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetHolder;
import cn.talentpolicy.facts.PersonFacts;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One person's facts in, every loaded policy's decision out (or those the request names). The as-of date
 * defaults to today in the service's clock zone (Asia/Shanghai); nothing is kept between evaluations.
 */
@Service
public class EvaluationService {

    private final RulesetHolder rulesets;
    private final Clock clock;

    public EvaluationService(RulesetHolder rulesets, Clock clock) {
        this.rulesets = rulesets;
        this.clock = clock;
    }

    /**
     * @param asOf     the date ages and windows are computed at; null means today
     * @param policies the decision policies to report; null or empty means all
     * @param explain  false leaves out the trace and derived facts (bulk runs)
     */
    public Evaluation evaluate(PersonFacts person, LocalDate asOf, List<String> policies, boolean explain) {
        Ruleset ruleset = rulesets.current();
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        List<FieldProblem> problems = new ArrayList<>();
        if (person.person().birthDate() != null && person.person().birthDate().isAfter(date)) {
            problems.add(new FieldProblem("person.birthDate",
                    "born on " + person.person().birthDate() + ", after the as-of date " + date));
        }
        if (person.postdoc() != null && person.postdoc().entryDate() != null && person.postdoc().exitDate() != null
                && person.postdoc().exitDate().isBefore(person.postdoc().entryDate())) {
            problems.add(new FieldProblem("person.postdoc.exitDate", "left the station before entering it"));
        }
        checkLedger(ruleset, person, problems);
        Predicate<String> answer = policyFilter(ruleset, policies, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return ruleset.evaluate(List.of(person), date, answer, explain).get(0);
    }

    /**
     * A ledger entry for a loaded policy with several parts must say which part it paid, and a part it names
     * must exist. Entries for policies not loaded (older schemes, settling-in allowances) are kept as given.
     */
    private static void checkLedger(Ruleset ruleset, PersonFacts person, List<FieldProblem> problems) {
        for (int i = 0; i < person.ledger().size(); i++) {
            var entry = person.ledger().get(i);
            PolicyDefinition policy = ruleset.policy(entry.policyId());
            if (policy == null || policy.kind() != PolicyDefinition.Kind.DECISION) {
                continue;
            }
            List<String> parts = policy.parts().stream().map(PolicyDefinition.PartDefinition::id).toList();
            if (entry.part() == null && parts.size() > 1) {
                problems.add(new FieldProblem("person.ledger[" + i + "].part", entry.policyId()
                        + " has parts " + String.join(", ", parts) + ": say which one was paid"));
            } else if (entry.part() != null && !parts.contains(entry.part())) {
                problems.add(new FieldProblem("person.ledger[" + i + "].part", entry.policyId()
                        + " has no part '" + entry.part() + "' (its parts: " + String.join(", ", parts) + ")"));
            }
        }
    }

    private static Predicate<String> policyFilter(Ruleset ruleset, List<String> policies, List<FieldProblem> problems) {
        if (policies == null || policies.isEmpty()) {
            return id -> true;
        }
        for (int i = 0; i < policies.size(); i++) {
            PolicyDefinition policy = ruleset.policy(policies.get(i));
            if (policy == null) {
                problems.add(new FieldProblem("policies[" + i + "]", "no loaded policy has the id '" + policies.get(i)
                        + "' (GET /api/v1/policies lists them)"));
            } else if (policy.kind() != PolicyDefinition.Kind.DECISION) {
                problems.add(new FieldProblem("policies[" + i + "]", "'" + policies.get(i)
                        + "' derives facts for other policies and has no decision of its own"));
            }
        }
        Set<String> wanted = Set.copyOf(policies);
        return wanted::contains;
    }
}
