package cn.talentpolicy.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The dated parameters of a ruleset, read by rules through the global {@code params}. A key is
 * {@code <policy_id>.<name>}. Asking for a key that does not exist is a ruleset bug and throws; asking for a
 * date before the first value returns null.
 */
public final class Parameters {

    private final SortedMap<String, ParameterDefinition> definitions;

    public Parameters(Map<String, ParameterDefinition> definitions) {
        this.definitions = Collections.unmodifiableSortedMap(new TreeMap<>(definitions));
    }

    public SortedMap<String, ParameterDefinition> definitions() {
        return definitions;
    }

    public boolean exists(String key) {
        return definitions.containsKey(key);
    }

    public Object valueAt(String key, LocalDate date) {
        ParameterDefinition definition = definitions.get(key);
        if (definition == null) {
            throw new IllegalArgumentException("No parameter " + key);
        }
        return definition.valueAt(date);
    }

    /** A money amount in force on the date, or null before the first value. */
    public BigDecimal amount(String key, LocalDate date) {
        Object value = valueAt(key, date);
        return value == null ? null : (BigDecimal) value;
    }

    /** A money amount from a table parameter (values keyed by band, such as a tier), or null before the first value. */
    public BigDecimal amount(String key, LocalDate date, String band) {
        return (BigDecimal) band(key, date, band);
    }

    /** A whole number from a table parameter, or null before the first value. */
    public Integer integer(String key, LocalDate date, String band) {
        Object value = band(key, date, band);
        return value == null ? null : ((BigDecimal) value).intValueExact();
    }

    private Object band(String key, LocalDate date, String band) {
        Object value = valueAt(key, date);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> table) || !table.containsKey(band)) {
            throw new IllegalArgumentException("Parameter " + key + " has no value for " + band + " on " + date);
        }
        return table.get(band);
    }

    /** A whole number (months, years, an age limit) in force on the date, or null before the first value. */
    public Integer integer(String key, LocalDate date) {
        Object value = valueAt(key, date);
        return value == null ? null : ((BigDecimal) value).intValueExact();
    }

    /**
     * A threshold (a window in years, a maximum of months, an age limit) for judging a criterion on the date.
     * Before the parameter's first effective date the first value is used, so that every criterion of a policy
     * that is not yet in force can still be judged and explained; the policy itself is then ineligible through
     * its in-force criterion, and amounts (read with {@link #amount}) are never paid.
     */
    public Integer threshold(String key, LocalDate date) {
        Object value = valueOrFirst(key, date);
        return ((BigDecimal) value).intValueExact();
    }

    /** A threshold from a table parameter (values keyed by band), read as {@link #threshold(String, LocalDate)}. */
    public Integer threshold(String key, LocalDate date, String band) {
        Object value = valueOrFirst(key, date);
        if (!(value instanceof Map<?, ?> table) || !table.containsKey(band)) {
            throw new IllegalArgumentException("Parameter " + key + " has no value for " + band + " on " + date);
        }
        return ((BigDecimal) table.get(band)).intValueExact();
    }

    private Object valueOrFirst(String key, LocalDate date) {
        Object value = valueAt(key, date);
        return value != null ? value : definitions.get(key).values().firstEntry().getValue();
    }

    /** True when the policy's {@code in_force} parameter is true on the date (false before its first value). */
    public boolean inForce(String policyId, LocalDate date) {
        return Boolean.TRUE.equals(valueAt(policyId + ".in_force", date));
    }

    /** The first date from which the policy is in force, or null if never. */
    public LocalDate inForceFrom(String policyId) {
        ParameterDefinition definition = definitions.get(policyId + ".in_force");
        if (definition == null) {
            throw new IllegalArgumentException("No parameter " + policyId + ".in_force");
        }
        return definition.values().entrySet().stream()
                .filter(e -> Boolean.TRUE.equals(e.getValue()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }
}
