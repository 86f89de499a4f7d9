package cn.talentpolicy.decisions;

import cn.talentpolicy.facts.PersonFact;

import java.util.List;

/**
 * How one criterion of one policy part came out for one person, with the reason code and the source of the
 * rule that judged it. Rules insert these; decisions collect them. {@code basis} holds the derived facts and
 * other policies' outcomes the judging rule matched (what the criterion rests on).
 */
public record CriterionResult(String personId, String policyId, String part, String criterion, Status status,
                              String reasonCode, Text message, String source, List<String> missingFacts,
                              String rule, List<Object> basis) implements PersonFact {

    public CriterionResult {
        missingFacts = missingFacts == null ? List.of() : List.copyOf(missingFacts);
        basis = basis == null ? List.of() : List.copyOf(basis);
    }
}
