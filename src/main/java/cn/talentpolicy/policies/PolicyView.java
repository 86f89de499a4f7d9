package cn.talentpolicy.policies;

import cn.talentpolicy.decisions.Text;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A loaded policy as published by GET /api/v1/policies: what it is, what it cites, every criterion with every
 * reason a rule can give, and its parameters with the value in force on the requested date.
 */
public record PolicyView(String policyId, Text title, String kind, String combine, List<String> sources,
                         List<Part> parts, List<Parameter> parameters) {

    /** {@code ledger}: what a ledger entry for the part records (months, amount); empty when it pays nothing. */
    public record Part(String part, Text title, java.util.Set<String> ledger, List<Criterion> criteria) {
    }

    public record Criterion(String criterion, List<Reason> reasons) {
    }

    /** {@code message} holds the rule's templates: placeholders are filled per person. */
    public record Reason(String status, String reasonCode, Text message, String source, List<String> missingFacts) {
    }

    /** {@code value} is the one in force on the requested date (null before the first); {@code values} all. */
    public record Parameter(String key, String description, String unit, String reference, Object value,
                            Map<LocalDate, Object> values) {
    }
}
