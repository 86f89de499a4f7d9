package cn.talentpolicy.engine;

/**
 * Ruleset fact: a policy part to decide, how many criteria it has and whether they combine as ANY
 * (alternatives) or ALL. The decision rules in {@code rules/common} read it.
 */
public record PartToDecide(String policyId, String part, int criterionCount, boolean anyOf) {
}
