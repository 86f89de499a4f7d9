package cn.talentpolicy.decisions;

import cn.talentpolicy.facts.PersonFact;

import java.math.BigDecimal;

/**
 * What an eligible policy part pays, in CNY. {@code months} is set for monthly benefits, {@code years} for yearly
 * and per-full-year ones; {@code amount} and {@code total} are null for a negotiated benefit.
 */
public record Benefit(String personId, String policyId, String part, BenefitKind kind, BigDecimal amount,
                      Integer months, Integer years, BigDecimal total) implements PersonFact {

    /** Amounts are kept in their plain form (1000, 1500.5), whatever scale the arithmetic left them with. */
    public Benefit {
        amount = plain(amount);
        total = plain(total);
    }

    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public static Benefit monthly(String personId, String policyId, String part, BigDecimal perMonth, int months) {
        return new Benefit(personId, policyId, part, BenefitKind.MONTHLY, perMonth, months, null,
                perMonth.multiply(BigDecimal.valueOf(months)));
    }

    public static Benefit yearly(String personId, String policyId, String part, BigDecimal perYear, int years) {
        return new Benefit(personId, policyId, part, BenefitKind.YEARLY, perYear, null, years,
                perYear.multiply(BigDecimal.valueOf(years)));
    }

    public static Benefit perFullYear(String personId, String policyId, String part, BigDecimal perYear, int years) {
        return new Benefit(personId, policyId, part, BenefitKind.PER_FULL_YEAR, perYear, null, years,
                perYear.multiply(BigDecimal.valueOf(years)));
    }

    public static Benefit oneOff(String personId, String policyId, String part, BigDecimal amount) {
        return new Benefit(personId, policyId, part, BenefitKind.ONE_OFF, amount, null, null, amount);
    }

    public static Benefit negotiated(String personId, String policyId, String part) {
        return new Benefit(personId, policyId, part, BenefitKind.NEGOTIATED, null, null, null, null);
    }
}
