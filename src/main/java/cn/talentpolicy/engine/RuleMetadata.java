package cn.talentpolicy.engine;

import cn.talentpolicy.decisions.Text;
import org.kie.api.definition.rule.Rule;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The metadata every rule carries, read from its {@code @key(value)} annotations:
 * {@code @policy}, {@code @reasonCode}, {@code @source} always; criterion rules add {@code @criterion},
 * {@code @status} (PASS, FAIL or UNKNOWN), {@code @en} and {@code @zh} message templates, and optionally
 * {@code @part} (default "main") and {@code @missing} (comma-separated fact paths an UNKNOWN waits for).
 */
record RuleMetadata(String packageName, String name, String policyId, String reasonCode, String source,
                    String criterion, String part, String status, Text message, List<String> missingFacts) {

    static final String DEFAULT_PART = "main";

    static RuleMetadata of(Rule rule) {
        Map<String, Object> meta = rule.getMetaData();
        String criterion = text(meta, "criterion");
        String part = text(meta, "part");
        String en = text(meta, "en");
        String zh = text(meta, "zh");
        String missing = text(meta, "missing");
        return new RuleMetadata(rule.getPackageName(), rule.getName(), text(meta, "policy"), text(meta, "reasonCode"),
                text(meta, "source"), criterion, part == null ? DEFAULT_PART : part, text(meta, "status"),
                en == null && zh == null ? null : new Text(zh, en),
                missing == null ? List.of() : Arrays.stream(missing.split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList());
    }

    boolean isCriterion() {
        return criterion != null;
    }

    String packagePolicy() {
        return packageName.substring(packageName.lastIndexOf('.') + 1);
    }

    private static String text(Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        if (value == null) {
            return null;
        }
        String s = value.toString().trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.isEmpty() ? null : s;
    }
}
