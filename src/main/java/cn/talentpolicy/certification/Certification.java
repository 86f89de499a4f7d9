package cn.talentpolicy.certification;

import cn.talentpolicy.decisions.Decision;
import cn.talentpolicy.decisions.TraceStep;

import java.time.LocalDate;
import java.util.List;

/**
 * A passive certification: the tier and entitlements certified from government records, with the records every
 * criterion relied on. The id is derived from the input digest, the ruleset version and the as-of date, so the
 * same records certified under the same rules on the same date get the same id.
 */
public record Certification(String certificationId, String personId, LocalDate asOf, String rulesetVersion,
                            String inputDigest, String certifiedTier, List<CertifiedDecision> decisions,
                            List<EvidenceIssue> evidenceIssues, List<TraceStep> trace) {

    /** A decision with the evidence of each of its criteria, in the order of {@code decision.criteria()}. */
    public record CertifiedDecision(Decision decision, List<CriterionEvidence> evidence) {
    }

    /** The records a criterion relied on, and the issues that left it unknown. */
    public record CriterionEvidence(List<RecordRef> records, List<EvidenceIssue> issues) {
    }
}
