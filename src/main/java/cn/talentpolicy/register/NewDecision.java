package cn.talentpolicy.register;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A decision to record (see the {@code decisions} table in {@code db/migration}).
 *
 * @param id           the decision id the answer carries ({@link DecisionRegister#newId()})
 * @param madeAt       when it was made, to the millisecond
 * @param inputDigest  {@code sha256:} of the canonical input ({@link cn.talentpolicy.input.CanonicalJson})
 * @param outcomes     per policy: outcome, amounts and criteria ({@link Outcomes})
 * @param source       the certification or sweep job it belongs to; null for an evaluation
 * @param corrects     the earlier decision this one corrects, or null
 * @param owed         what the correction changes in the amounts owed ({@link Owed}), or null
 * @param answerDigest {@code sha256:} of the answer, or null where the answer is not kept
 * @param input        the canonical input, or null where it is not kept
 * @param answer       the answer as it was given, or null where it is not kept
 */
public record NewDecision(String id, RecordKind kind, Instant madeAt, Maker maker, String personId, LocalDate asOf,
                          String rulesetVersion, String inputDigest, String outcomes, String source, String corrects,
                          String owed, String answerDigest, String input, String answer) {
}
