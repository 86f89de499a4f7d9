package cn.talentpolicy.facts;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * What the subsidy ledger says was already paid under one policy part: months of a monthly subsidy and
 * one-off amounts. Derived for every person and policy part, zero when the ledger has nothing.
 */
public record LedgerTotal(String personId, String policyId, String part, int months, BigDecimal amount)
        implements DerivedFact {

    public static LedgerTotal of(String personId, String policyId, String part, Collection<LedgerEntry> entries) {
        int months = entries.stream().mapToInt(LedgerEntry::monthsPaid).reduce(0, Math::addExact);
        BigDecimal amount = entries.stream().map(LedgerEntry::amountPaid).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new LedgerTotal(personId, policyId, part, months, amount);
    }

    /**
     * The months paid under a part whose version in force pays {@code monthly} a month: the months the ledger
     * shows, and any amount it shows as whole months, the amount divided by the monthly amount and rounded down
     * (catalogue, conventions: "Ledger amounts on a monthly part").
     */
    public int monthsPaidAt(BigDecimal monthly) {
        if (monthly == null || monthly.signum() <= 0) {
            return months;
        }
        // more months than an int holds are all the months there are (no part pays for two billion months)
        BigDecimal paid = amount.divide(monthly, 0, java.math.RoundingMode.FLOOR).add(BigDecimal.valueOf(months));
        return paid.min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValue();
    }

    public boolean nothingPaid() {
        return months == 0 && amount.signum() == 0;
    }
}
