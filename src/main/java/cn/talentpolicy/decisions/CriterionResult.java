package cn.talentpolicy.decisions;

import cn.talentpolicy.facts.PersonFact;

import java.util.List;

/**
 * How one criterion of one policy part came out for one person, with the reason code and the source of the
 * rule that judged it. Rules insert these; decisions collect them. {@code basis} holds the person's facts the
 * judging rule matched (input facts, derived facts, other policies' outcomes); in an explained evaluation it
 * is followed back through the derived facts' own bases, so it reaches every input fact the criterion rests on.
 * {@code message} is null when the evaluation was asked for outcomes only (a sweep's first pass).
 * {@code readings} is set when the engine read an omitted fact each way it could be and the readings judged this
 * criterion differently: each reading's own result, with the facts it took ({@code when}); empty otherwise.
 */
public record CriterionResult(String personId, String policyId, String part, String criterion, Status status,
                              String reasonCode, Text message, String source, List<String> missingFacts,
                              String rule, List<Object> basis, List<Reading> readings) implements PersonFact {

    /** What one reading of the omitted facts gave: "if the master's degree of … is full-time", and the result. */
    public record Reading(Text when, Status status, String reasonCode, Text message) {
    }

    public CriterionResult {
        missingFacts = missingFacts == null ? List.of() : List.copyOf(missingFacts);
        basis = basis == null ? List.of() : List.copyOf(basis);
        readings = readings == null ? List.of() : List.copyOf(readings);
    }

    public CriterionResult(String personId, String policyId, String part, String criterion, Status status,
                           String reasonCode, Text message, String source, List<String> missingFacts, String rule,
                           List<Object> basis) {
        this(personId, policyId, part, criterion, status, reasonCode, message, source, missingFacts, rule, basis,
                List.of());
    }

    public CriterionResult withBasis(List<Object> everything) {
        return new CriterionResult(personId, policyId, part, criterion, status, reasonCode, message, source,
                missingFacts, rule, everything, readings);
    }
}
