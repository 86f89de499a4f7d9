package cn.talentpolicy.decisions;

/** One rule firing, in firing order, with the rule's metadata. */
public record TraceStep(int step, String rule, String policyId, String criterion, String status, String reasonCode,
                        String source, String personId) {
}
