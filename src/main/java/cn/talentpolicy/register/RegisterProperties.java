package cn.talentpolicy.register;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.EnumMap;
import java.util.Map;

/**
 * {@code talent.register.*}: what the register keeps of each kind of decision besides its outcomes, amounts and
 * digests (which it always keeps), and for how long.
 *
 * @param keepInput          whether the input itself is kept (needed to replay it): by default for evaluations
 *                           and certifications. A sweep claim's input is never kept: it is the person's line of
 *                           the population file, kept with the sweep, and its digest is recorded
 * @param keepAnswer         whether the answer itself is kept: by default for certifications (shown again by
 *                           {@code GET /api/v1/certifications/{id}}) and sweep claims (the claim with its reasons
 *                           and notification); an evaluation's answer can be had again by replaying it
 * @param inputRetentionDays after this many days the input and answer of a decision are erased; the record, its
 *                           outcomes and its digests stay, and so does the chain
 * @param batch              at most this many decisions are written in one transaction
 * @param lingerMicros       how long the writer waits for more decisions to join a commit, 5 ms by default (each commit costs
 *                           about as much as a few decisions: under load, fewer and larger commits)
 */
@ConfigurationProperties("talent.register")
public record RegisterProperties(Map<RecordKind, Boolean> keepInput, Map<RecordKind, Boolean> keepAnswer,
                                 Integer inputRetentionDays, Integer batch, Integer lingerMicros) {

    public RegisterProperties {
        Map<RecordKind, Boolean> input = merged(keepInput, true, true, false);
        input.put(RecordKind.SWEEP_CLAIM, false);
        keepInput = java.util.Collections.unmodifiableMap(input);
        keepAnswer = java.util.Collections.unmodifiableMap(merged(keepAnswer, false, true, true));
        inputRetentionDays = inputRetentionDays == null ? 1826 : inputRetentionDays;
        batch = batch == null ? 500 : batch;
        lingerMicros = lingerMicros == null ? 5000 : lingerMicros;
    }

    public boolean keepsInput(RecordKind kind) {
        return keepInput.get(kind);
    }

    public boolean keepsAnswer(RecordKind kind) {
        return keepAnswer.get(kind);
    }

    private static Map<RecordKind, Boolean> merged(Map<RecordKind, Boolean> given, boolean evaluation,
                                                   boolean certification, boolean sweepClaim) {
        Map<RecordKind, Boolean> map = new EnumMap<>(RecordKind.class);
        map.put(RecordKind.EVALUATION, evaluation);
        map.put(RecordKind.CERTIFICATION, certification);
        map.put(RecordKind.SWEEP_CLAIM, sweepClaim);
        if (given != null) {
            map.putAll(given);
        }
        return map;
    }
}
