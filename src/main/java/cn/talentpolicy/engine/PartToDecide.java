package cn.talentpolicy.engine;

import java.util.List;

/**
 * Ruleset fact: a policy part to decide, how many criteria it has, whether they combine as ANY (alternatives)
 * or ALL, and the criteria in the order the policy lists them (what a decision says it waits for is in that
 * order, whatever order the rules fired in). The decision rules in {@code rules/common} read it.
 */
public record PartToDecide(String policyId, String part, int criterionCount, boolean anyOf, List<String> criteria) {

    public PartToDecide {
        criteria = List.copyOf(criteria);
    }
}
