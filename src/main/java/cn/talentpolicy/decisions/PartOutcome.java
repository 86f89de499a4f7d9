package cn.talentpolicy.decisions;

import cn.talentpolicy.facts.HasMissingFacts;
import cn.talentpolicy.facts.PersonFact;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The outcome of one part of a policy for one person, once every criterion of the part is judged. */
public record PartOutcome(String personId, String policyId, String part, Outcome outcome, List<String> missingFacts)
        implements PersonFact, HasMissingFacts {

    /**
     * @param results  every criterion of the part, judged, in any order
     * @param criteria the part's criteria in the order the policy lists them: the missing facts are given in
     *                 that order, so that the same person gets the same answer whatever order the rules fired in
     */
    public static PartOutcome of(String personId, String policyId, String part, boolean anyOf,
                                 Collection<CriterionResult> results, List<String> criteria) {
        List<Status> statuses = results.stream().map(CriterionResult::status).toList();
        Outcome outcome = anyOf ? Outcome.anyOf(statuses) : Outcome.allOf(statuses);
        Set<String> missing = new LinkedHashSet<>();
        if (outcome == Outcome.NEEDS_INFO) {
            results.stream().filter(r -> r.status() == Status.UNKNOWN)
                    .sorted(Comparator.comparingInt(r -> criteria.indexOf(r.criterion())))
                    .forEach(r -> missing.addAll(r.missingFacts()));
        }
        return new PartOutcome(personId, policyId, part, outcome, List.copyOf(missing));
    }
}
