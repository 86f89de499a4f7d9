package cn.talentpolicy.decisions;

import java.time.LocalDate;
import java.util.List;

/**
 * Every decision for one person at one as-of date under one ruleset version: same input, same ruleset, same
 * date, same answer. {@code trace} is empty when trace detail was switched off.
 */
public record Evaluation(String personId, LocalDate asOf, String rulesetVersion, List<Decision> decisions,
                         List<TraceStep> trace) {
}
