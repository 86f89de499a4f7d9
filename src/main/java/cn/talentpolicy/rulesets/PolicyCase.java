package cn.talentpolicy.rulesets;

import cn.talentpolicy.decisions.BenefitKind;
import cn.talentpolicy.decisions.Outcome;
import cn.talentpolicy.decisions.Status;
import cn.talentpolicy.input.PersonDto;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One case of {@code rules/<policy>/tests/*.yaml}: a sentence, an as-of date, the person (as the API takes it)
 * and what the policy of that folder must answer. Every expectation but the outcome is optional.
 */
public record PolicyCase(@JsonProperty("case") String sentence, LocalDate asOf, PersonDto person,
                         Expectation expect) {

    /**
     * @param benefits     each listed benefit is compared on the fields it gives; [] asserts no benefit
     * @param missingFacts each listed path must be among the decision's missing facts
     * @param criteria     criterion id to expected status, for the criteria listed
     * @param reasonCodes  each listed reason code must be among the decision's criteria
     */
    public record Expectation(Outcome outcome, String certifiedTier, List<ExpectedBenefit> benefits,
                              List<String> missingFacts, Map<String, Status> criteria, List<String> reasonCodes) {
    }

    public record ExpectedBenefit(String part, BenefitKind kind, BigDecimal amount, Integer months, Integer years,
                                  BigDecimal total) {
    }

    /** A file of cases. */
    public record File(List<PolicyCase> cases) {
    }
}
