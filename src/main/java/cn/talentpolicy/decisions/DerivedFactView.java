package cn.talentpolicy.decisions;

import java.util.Map;

/**
 * A derived fact a decision rests on, as a person reads it: its type, its values, the sentence of the rule
 * that derived it and that rule's policy and source.
 */
public record DerivedFactView(String type, Map<String, Object> values, Text message, String policyId, String rule,
                              String source) {
}
