package cn.talentpolicy.engine;

/** Ruleset fact: a policy to decide once all its {@code partCount} parts are decided. */
public record PolicyToDecide(String policyId, int partCount) {
}
