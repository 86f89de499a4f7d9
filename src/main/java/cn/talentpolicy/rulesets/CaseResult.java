package cn.talentpolicy.rulesets;

import java.util.List;
import java.util.Set;

/**
 * How one policy case came out: the expectations not met (expected against actual), or the error that stopped
 * it, and the criterion/reason-code pairs the decision gave (for coverage).
 */
public record CaseResult(String policyId, String file, int line, String sentence, List<String> mismatches,
                         String error, Set<String> reasons) {

    public boolean passed() {
        return error == null && mismatches.isEmpty();
    }

    /** What a policy writer reads when the case fails. */
    public String describe() {
        StringBuilder out = new StringBuilder("case \"" + sentence + "\"");
        if (error != null) {
            out.append(" could not be evaluated: ").append(error);
        }
        mismatches.forEach(m -> out.append("\n  - ").append(m));
        return out.toString();
    }
}
