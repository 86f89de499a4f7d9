package cn.talentpolicy.facts;

import java.math.BigDecimal;

/**
 * What the bureau has already paid: months of a monthly subsidy or a one-off amount, per policy (and part).
 * Settling-in allowances appear with policy id {@value #SETTLING_IN_ALLOWANCE}. An omitted ledger means nothing
 * was paid.
 */
public record LedgerEntry(String personId, String policyId, String part, int monthsPaid, BigDecimal amountPaid)
        implements PersonFact {

    public static final String SETTLING_IN_ALLOWANCE = "settling_in_allowance";

    public LedgerEntry {
        amountPaid = amountPaid == null ? BigDecimal.ZERO : amountPaid;
    }
}
