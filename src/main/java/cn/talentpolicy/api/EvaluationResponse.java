package cn.talentpolicy.api;

import cn.talentpolicy.decisions.BenefitKind;
import cn.talentpolicy.decisions.Outcome;
import cn.talentpolicy.decisions.Status;
import cn.talentpolicy.decisions.Text;
import cn.talentpolicy.register.Owed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The answer to an evaluation: every decision, reproducible from the person's facts, ruleset and as-of date.
 *
 * @param decisionId the decision's id in the register, when it was recorded
 * @param correction when it corrects an earlier decision: what that changes in the amounts owed
 */
public record EvaluationResponse(String personId, LocalDate asOf, String rulesetVersion, List<DecisionDto> decisions,
                                 List<TraceStepDto> trace, String decisionId, Owed correction) {

    /** The same answer, recorded under an id (and, for a correction, with what it changes). */
    public EvaluationResponse recorded(String id, Owed owed) {
        return new EvaluationResponse(personId, asOf, rulesetVersion, decisions, trace, id, owed);
    }

    public record DecisionDto(String policyId, Text title, Outcome outcome, String certifiedTier, List<PartDto> parts,
                              List<BenefitDto> benefits, List<CriterionDto> criteria, List<String> missingFacts,
                              List<DerivedFactDto> derivedFacts) {
    }

    public record PartDto(String part, Text title, Outcome outcome) {
    }

    /** Amounts are in CNY. */
    public record BenefitDto(String part, BenefitKind kind, BigDecimal amount, Integer months, Integer years,
                             BigDecimal total, String currency) {
    }

    /** {@code readings}: what each reading of an omitted fact gave, when they differ (left out otherwise). */
    public record CriterionDto(String criterion, String part, Status status, String reasonCode, Text message,
                               String source, List<String> missingFacts,
                               @com.fasterxml.jackson.annotation.JsonInclude(
                                       com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                               List<cn.talentpolicy.decisions.CriterionResult.Reading> readings) {
    }

    public record DerivedFactDto(String type, Map<String, Object> values, Text message, String policyId, String rule,
                                 String source) {
    }

    public record TraceStepDto(int step, String rule, String policyId, String criterion, String status,
                               String reasonCode, String source) {
    }
}
