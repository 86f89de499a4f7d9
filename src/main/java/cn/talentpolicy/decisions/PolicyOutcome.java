package cn.talentpolicy.decisions;

import cn.talentpolicy.facts.HasMissingFacts;
import cn.talentpolicy.facts.PersonFact;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The outcome of a whole policy for one person. Other policies' rules may rest on it (the Jinan rent subsidy
 * reads the living subsidy's outcome), which is why it is a fact in the session.
 */
public record PolicyOutcome(String personId, String policyId, Outcome outcome, List<String> missingFacts)
        implements PersonFact, HasMissingFacts {

    /**
     * @param parts     every part of the policy, decided, in any order
     * @param partOrder the parts in the order the policy lists them: the missing facts are given in that order
     */
    public static PolicyOutcome of(String personId, String policyId, Collection<PartOutcome> parts,
                                   List<String> partOrder) {
        Outcome outcome = Outcome.ofParts(parts.stream().map(PartOutcome::outcome).toList());
        Set<String> missing = new LinkedHashSet<>();
        if (outcome == Outcome.NEEDS_INFO) {
            parts.stream().filter(p -> p.outcome() == Outcome.NEEDS_INFO)
                    .sorted(Comparator.comparingInt(p -> partOrder.indexOf(p.part())))
                    .forEach(p -> missing.addAll(p.missingFacts()));
        }
        return new PolicyOutcome(personId, policyId, outcome, List.copyOf(missing));
    }
}
