package cn.talentpolicy.engine;

import cn.talentpolicy.decisions.Text;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
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
        StringBuilder out = new StringBuilder(template.length() + 32);
        for (Segment segment : PARSED.computeIfAbsent(template, Templates::parse)) {
            if (segment.path() == null) {
                out.append(segment.text());
                continue;
            }
            Object value = variables.apply(segment.path()[0]);
            for (int i = 1; i < segment.path().length && value != null; i++) {
                value = property(value, segment.path()[i]);
            }
            // {$x|none}: the text to show when the value is null because it is known to be none
            out.append(format(value, segment.text() != null ? segment.text() : unknown, CHINESE_UNKNOWN.equals(unknown)));
        }
        return out.toString();
    }

    /** A piece of a template: literal text, or a placeholder's property path with its text for null. */
    private record Segment(String text, String[] path) {
    }

    /** Templates parsed once (a rule fires its templates many times; there are a few hundred distinct ones). */
    private static final Map<String, List<Segment>> PARSED = new ConcurrentHashMap<>();

    private static List<Segment> parse(String template) {
        List<Segment> segments = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                segments.add(new Segment(template.substring(at, m.start()), null));
            }
            segments.add(new Segment(m.group(2), m.group(1).split("\\.")));
            at = m.end();
        }
        if (at < template.length()) {
            segments.add(new Segment(template.substring(at), null));
        }
        return List.copyOf(segments);
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
        // a template reads only what a rule itself could read: members of the rule vocabulary
        if (!RuleVocabulary.get().allowed(target.getClass())) {
            return null;
        }
        Method method = accessors(target.getClass()).get(name);
        if (method == null || !RuleVocabulary.get().usable(method.getName())) {
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
