package cn.talentpolicy.decisions;

import java.util.List;

/**
 * One policy's answer for one person: outcome, what it pays, every criterion with its reason, the facts that
 * are missing when the answer is NEEDS_INFO, and the derived facts it rests on. {@code certifiedTier} is set
 * when the decision rests on (or is) a talent-tier certification.
 */
public record Decision(String policyId, Text title, Outcome outcome, String certifiedTier, List<PartView> parts,
                       List<Benefit> benefits, List<CriterionResult> criteria, List<String> missingFacts,
                       List<DerivedFactView> derivedFacts) {

    /** The outcome of one part of the policy. */
    public record PartView(String part, Text title, Outcome outcome) {
    }
}
