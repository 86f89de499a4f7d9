package cn.talentpolicy.decisions;

/** The shapes a benefit takes (catalogue, "Benefit shapes"). */
public enum BenefitKind {
    /** amount per month, months still payable, total. */
    MONTHLY,
    /** amount per year, years payable, total. */
    YEARLY,
    /** amount per full year completed, years counted, total. */
    PER_FULL_YEAR,
    /** one payment of amount. */
    ONE_OFF,
    /** granted, amount negotiated case by case: no computed amount. */
    NEGOTIATED
}
