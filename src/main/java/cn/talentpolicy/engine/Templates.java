package cn.talentpolicy.engine;

import cn.talentpolicy.decisions.Text;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Fills message templates from a rule's metadata. A placeholder names a variable the rule bound, optionally
 * followed by properties: {@code {$degree.graduationDate}}; {@code {fact.tier}} names the fact the rule
 * inserted. Codes print as words ({@link Labels}), dates as ISO dates, amounts without trailing zeros, an unknown value as 未知 / unknown, or as
 * the text after a bar where null means none: {@code {$q.title|none}}.
 */
final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([$\\w][\\w.$]*)(?:\\|([^}]*))?}");
    private static final Map<Class<?>, Map<String, Method>> ACCESSORS = new ConcurrentHashMap<>();
    private static final String CHINESE_UNKNOWN = "未知";

    private Templates() {
    }

    static Text render(Text template, Function<String, Object> variables) {
        if (template == null) {
            return null;
        }
        return new Text(render(template.zh(), variables, CHINESE_UNKNOWN), render(template.en(), variables, "unknown"));
    }

    static String render(String template, Function<String, Object> variables, String unknown) {
        if (template == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String[] path = m.group(1).split("\\.");
            Object value = variables.apply(path[0]);
            for (int i = 1; i < path.length && value != null; i++) {
                value = property(value, path[i]);
            }
            // {$x|none}: the text to show when the value is null because it is known to be none
            m.appendReplacement(out, Matcher.quoteReplacement(
                    format(value, m.group(2) != null ? m.group(2) : unknown, CHINESE_UNKNOWN.equals(unknown))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Every placeholder's root variable name, to check templates against a rule's bindings. */
    static java.util.Set<String> variables(String template) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        if (template != null) {
            Matcher m = PLACEHOLDER.matcher(template);
            while (m.find()) {
                names.add(m.group(1).split("\\.")[0]);
            }
        }
        return names;
    }

    static String format(Object value, String unknown, boolean chinese) {
        if (value == null) {
            return unknown;
        }
        if (value instanceof Enum<?> code) {
            return Labels.of(code, chinese);
        }
        if (value instanceof BigDecimal amount) {
            return amount.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Collection<?> items) {
            return items.isEmpty() ? "-" : items.stream().map(i -> format(i, unknown, chinese))
                    .collect(Collectors.joining(chinese ? "、" : ", "));
        }
        return value.toString();
    }

    /** The named property of a record (accessor) or a bean (getter), or null if it has none. */
    static Object property(Object target, String name) {
        Method method = accessors(target.getClass()).get(name);
        if (method == null) {
            return null;
        }
        try {
            return method.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + name + " of " + target.getClass().getSimpleName(), e);
        }
    }

    /** The readable properties of a fact, in declaration order for records. */
    static Map<String, Method> accessors(Class<?> type) {
        return ACCESSORS.computeIfAbsent(type, t -> {
            Map<String, Method> found = new LinkedHashMap<>();
            if (t.isRecord()) {
                for (RecordComponent c : t.getRecordComponents()) {
                    found.put(c.getName(), c.getAccessor());
                }
            } else {
                for (Method m : t.getMethods()) {
                    if (m.getParameterCount() == 0 && m.getDeclaringClass() != Object.class) {
                        String n = m.getName();
                        if (n.startsWith("get") && n.length() > 3) {
                            found.put(Character.toLowerCase(n.charAt(3)) + n.substring(4), m);
                        } else if (n.startsWith("is") && n.length() > 2 && m.getReturnType() == boolean.class) {
                            found.put(Character.toLowerCase(n.charAt(2)) + n.substring(3), m);
                        }
                    }
                }
            }
            return found;
        });
    }
}
