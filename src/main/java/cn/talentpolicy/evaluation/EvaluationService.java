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
        return evaluate(rulesets.current(), person, asOf, policies, explain);
    }

    /** The same, on a ruleset the caller holds (to evaluate twice on one ruleset while a reload may swap it). */
    public Evaluation evaluate(Ruleset ruleset, PersonFacts person, LocalDate asOf, List<String> policies,
                               boolean explain) {
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        List<FieldProblem> problems = factProblems(ruleset, person, date);
        Predicate<String> answer = policyFilter(ruleset, policies, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return ruleset.evaluate(List.of(person), date, answer,
                explain ? Ruleset.Detail.EXPLAINED : Ruleset.Detail.REASONS).get(0);
    }

    /** What is wrong with a person's facts for an evaluation at a date (paths like {@code person.birthDate}). */
    public static List<FieldProblem> factProblems(Ruleset ruleset, PersonFacts person, LocalDate date) {
        List<FieldProblem> problems = new ArrayList<>();
        checkDates(person, date, problems);
        if (person.postdoc() != null && person.postdoc().entryDate() != null && person.postdoc().exitDate() != null
                && person.postdoc().exitDate().isBefore(person.postdoc().entryDate())) {
            problems.add(new FieldProblem("person.postdoc.exitDate", "left the station before entering it"));
        }
        checkLedger(ruleset, person, problems);
        return problems;
    }

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    /**
     * Every date lies between 1900 and 2100, and a birth, the start of the current employment, a home purchase
     * and entering a postdoctoral station are not after the as-of date: an evaluation at a date judges what had
     * happened by then. A postdoctoral exit may be planned later; a degree graduating later is not yet held
     * (see {@link cn.talentpolicy.facts.HighestDegree}).
     */
    private static void checkDates(PersonFacts person, LocalDate asOf, List<FieldProblem> problems) {
        if (asOf.isBefore(EARLIEST) || asOf.isAfter(LATEST)) {
            problems.add(new FieldProblem("asOf", asOf + " is outside " + EARLIEST + " to " + LATEST));
            return;
        }
        event(problems, "person.birthDate", "born", person.person().birthDate(), asOf);
        List<cn.talentpolicy.facts.Degree> degrees = person.education().degrees();
        for (int i = 0; degrees != null && i < degrees.size(); i++) {
            inRange(problems, "person.degrees[" + i + "].graduationDate", degrees.get(i).graduationDate());
        }
        event(problems, "person.employment.startDate", "the employment given (the current one) starts",
                person.employment().startDate(), asOf);
        if (person.homePurchase() != null) {
            event(problems, "person.housing.purchase.date", "bought", person.homePurchase().date(), asOf);
        }
        if (person.postdoc() != null) {
            event(problems, "person.postdoc.entryDate", "entered the station", person.postdoc().entryDate(), asOf);
            inRange(problems, "person.postdoc.exitDate", person.postdoc().exitDate());
        }
    }

    private static void inRange(List<FieldProblem> problems, String field, LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            problems.add(new FieldProblem(field, "is outside " + EARLIEST + " to " + LATEST));
        }
    }

    private static void event(List<FieldProblem> problems, String field, String what, LocalDate date, LocalDate asOf) {
        if (date == null) {
            return;
        }
        if (date.isBefore(EARLIEST)) {
            problems.add(new FieldProblem(field, "is before " + EARLIEST));
        } else if (date.isAfter(asOf)) {
            problems.add(new FieldProblem(field, what + " after the as-of date " + asOf));
        }
    }

    /**
     * A ledger entry for a loaded policy with several parts must say which part it paid, and a part it names
     * must exist. Entries for policies not loaded (older schemes, settling-in allowances) are kept as given.
     */
    private static void checkLedger(Ruleset ruleset, PersonFacts person, List<FieldProblem> problems) {
        for (int i = 0; i < person.ledger().size(); i++) {
            var entry = person.ledger().get(i);
            PolicyDefinition policy = ruleset.policy(entry.policyId());
            if (entry.policyId().equals(cn.talentpolicy.facts.LedgerEntry.SETTLING_IN_ALLOWANCE) && entry.monthsPaid() > 0) {
                problems.add(new FieldProblem("person.ledger[" + i + "].monthsPaid",
                        "a settling-in allowance is recorded as amountPaid"));
            }
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
            } else {
                // a payment recorded in a unit the part is not paid in would be silently ignored: refuse it
                String partId = entry.part() == null ? parts.get(0) : entry.part();
                java.util.Set<String> units = policy.parts().stream().filter(p -> p.id().equals(partId))
                        .findFirst().orElseThrow().ledger();
                String what = entry.policyId() + (parts.size() > 1 ? " (" + partId + ")" : "");
                // an entry may record both (months and what they came to); only the unit the part is paid in
                // counts, so an entry that gives only the other one would be ignored
                boolean months = entry.monthsPaid() > 0;
                boolean amount = entry.amountPaid().signum() > 0;
                if (units.isEmpty() && (months || amount)) {
                    problems.add(new FieldProblem("person.ledger[" + i + "]", what + " pays nothing"));
                } else if (months && !amount && !units.contains("months")) {
                    problems.add(new FieldProblem("person.ledger[" + i + "].monthsPaid", what
                            + " is paid as amounts, not months: give amountPaid"));
                } else if (amount && !months && !units.contains("amount")) {
                    problems.add(new FieldProblem("person.ledger[" + i + "].amountPaid", what
                            + " is paid by the month: give monthsPaid"));
                }
            }
        }
    }

    /**
     * The decision policies asked for (null or empty: all), as a filter; a policy id that names no loaded
     * decision policy is added to {@code problems}.
     */
    public static Predicate<String> policyFilter(Ruleset ruleset, List<String> policies, List<FieldProblem> problems) {
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
