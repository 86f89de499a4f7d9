package cn.talentpolicy.engine;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;

/**
 * A dated parameter: each value applies from its date until the next one. Before the first date there is
 * no value (the policy is not in force for it).
 */
public record ParameterDefinition(String key, String description, String unit, String reference,
                                  NavigableMap<LocalDate, Object> values) {

    /** The values are read only: a rule or a caller holding the definition cannot change what rules read. */
    public ParameterDefinition {
        values = java.util.Collections.unmodifiableNavigableMap(new java.util.TreeMap<>(values));
    }

    /** The value in force on {@code date}, or null before the first effective date. */
    public Object valueAt(LocalDate date) {
        Map.Entry<LocalDate, Object> entry = values.floorEntry(date);
        return entry == null ? null : entry.getValue();
    }
}
