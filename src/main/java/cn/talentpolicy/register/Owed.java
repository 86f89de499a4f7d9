package cn.talentpolicy.register;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a correction changes in the amounts owed: for each policy decided by the earlier decision or the
 * correction, what each owes (the benefits' totals when eligible, 0 otherwise) and the difference. A positive
 * difference is back-pay owed to the person, a negative one an over-payment to recover, if the earlier decision
 * was paid in full. Policies that owe the same both times are left out.
 *
 * @param difference the sum of the policies' differences
 * @param meaning    BACK_PAY, OVER_PAYMENT or NONE, by the sign of the difference
 */
public record Owed(String corrects, List<PolicyOwed> policies, BigDecimal difference, String meaning) {

    public record PolicyOwed(String policyId, BigDecimal before, BigDecimal after, BigDecimal difference) {
    }

    public static Owed between(String corrects, List<Outcomes> before, List<Outcomes> after) {
        Map<String, BigDecimal> a = totals(before);
        Map<String, BigDecimal> b = totals(after);
        Set<String> policies = new LinkedHashSet<>(a.keySet());
        policies.addAll(b.keySet());
        BigDecimal sum = BigDecimal.ZERO;
        java.util.ArrayList<PolicyOwed> changed = new java.util.ArrayList<>();
        for (String policy : policies) {
            BigDecimal x = a.getOrDefault(policy, BigDecimal.ZERO);
            BigDecimal y = b.getOrDefault(policy, BigDecimal.ZERO);
            BigDecimal d = y.subtract(x);
            if (d.signum() != 0) {
                changed.add(new PolicyOwed(policy, x, y, d));
                sum = sum.add(d);
            }
        }
        return new Owed(corrects, List.copyOf(changed), sum,
                sum.signum() > 0 ? "BACK_PAY" : sum.signum() < 0 ? "OVER_PAYMENT" : "NONE");
    }

    private static Map<String, BigDecimal> totals(List<Outcomes> outcomes) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        for (Outcomes o : outcomes) {
            map.put(o.policyId(), o.total() == null ? BigDecimal.ZERO : o.total());
        }
        return map;
    }

    public String write() {
        try {
            return Outcomes.JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Owed read(String json) {
        try {
            return json == null ? null : Outcomes.JSON.readValue(json, Owed.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
