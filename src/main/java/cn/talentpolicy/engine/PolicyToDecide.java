package cn.talentpolicy.engine;

import java.util.List;

/**
 * Ruleset fact: a policy to decide once all its {@code partCount} parts are decided, and its parts in the order
 * the policy lists them.
 */
public record PolicyToDecide(String policyId, int partCount, List<String> parts) {

    public PolicyToDecide {
        parts = List.copyOf(parts);
    }
}
