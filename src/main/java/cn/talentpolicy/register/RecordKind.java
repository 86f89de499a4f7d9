package cn.talentpolicy.register;

/** What handed a decision out. */
public enum RecordKind {
    /** {@code POST /api/v1/evaluations}: recorded when the caller asks, and always for an officer. */
    EVALUATION,
    /** {@code POST /api/v1/certifications}: always recorded, with its records and its answer. */
    CERTIFICATION,
    /** A claim a service sweep found: one record for each line of its {@code claimable.jsonl}. */
    SWEEP_CLAIM
}
