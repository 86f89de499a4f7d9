package cn.talentpolicy.api;

import cn.talentpolicy.api.EvaluationResponse.BenefitDto;
import cn.talentpolicy.api.EvaluationResponse.DerivedFactDto;
import cn.talentpolicy.api.EvaluationResponse.PartDto;
import cn.talentpolicy.api.EvaluationResponse.TraceStepDto;
import cn.talentpolicy.certification.EvidenceIssue;
import cn.talentpolicy.certification.RecordRef;
import cn.talentpolicy.decisions.Outcome;
import cn.talentpolicy.decisions.Status;
import cn.talentpolicy.decisions.Text;

import java.time.LocalDate;
import java.util.List;

/**
 * A passive certification: decisions as an evaluation gives them, every criterion citing the records it relied
 * on, and the evidence issues (stale, conflicting, self-declared) behind any UNKNOWN.
 */
public record CertificationResponse(String certificationId, String personId, LocalDate asOf, String rulesetVersion,
                                    String inputDigest, String certifiedTier, List<EvidenceIssue> evidenceIssues,
                                    List<CertifiedDecisionDto> decisions, List<TraceStepDto> trace,
                                    String decisionId) {

    /** The same answer, recorded in the register under an id. */
    public CertificationResponse recorded(String id) {
        return new CertificationResponse(certificationId, personId, asOf, rulesetVersion, inputDigest, certifiedTier,
                evidenceIssues, decisions, trace, id);
    }

    public record CertifiedDecisionDto(String policyId, Text title, Outcome outcome, String certifiedTier,
                                       List<PartDto> parts, List<BenefitDto> benefits,
                                       List<CertifiedCriterionDto> criteria, List<String> missingFacts,
                                       List<DerivedFactDto> derivedFacts) {
    }

    public record CertifiedCriterionDto(String criterion, String part, Status status, String reasonCode, Text message,
                                        String source, List<String> missingFacts, List<RecordRef> evidence,
                                        List<EvidenceIssue> evidenceIssues,
                                        @com.fasterxml.jackson.annotation.JsonInclude(
                                                com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                                        List<cn.talentpolicy.decisions.CriterionResult.Reading> readings) {
    }

    /** The answer to reproducing a stored certification from its stored records. */
    public record Reproduction(String certificationId, boolean identical, String storedRulesetVersion,
                               String currentRulesetVersion, List<String> differences,
                               CertificationResponse certification) {
    }
}
