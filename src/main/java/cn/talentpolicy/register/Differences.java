package cn.talentpolicy.register;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where two sets of outcomes differ, policy by policy: the outcome, the amount owed, and the criteria whose status
 * changed (a criterion only one side has counts as changed, from or to {@code null}).
 */
public final class Differences {

    /** One policy that differs. */
    public record PolicyDifference(String policyId, String outcomeBefore, String outcomeAfter, BigDecimal totalBefore,
                                   BigDecimal totalAfter, List<CriterionChange> criteria) {
    }

    public record CriterionChange(String criterion, String before, String after) {
    }

    private Differences() {
    }

    public static List<PolicyDifference> between(List<Outcomes> before, List<Outcomes> after) {
        Map<String, Outcomes> a = byPolicy(before);
        Map<String, Outcomes> b = byPolicy(after);
        Set<String> policies = new LinkedHashSet<>(a.keySet());
        policies.addAll(b.keySet());
        List<PolicyDifference> out = new ArrayList<>();
        for (String policy : policies) {
            Outcomes x = a.get(policy);
            Outcomes y = b.get(policy);
            List<CriterionChange> criteria = new ArrayList<>();
            Map<String, String> cx = x == null || x.criteria() == null ? Map.of() : x.criteria();
            Map<String, String> cy = y == null || y.criteria() == null ? Map.of() : y.criteria();
            Set<String> names = new LinkedHashSet<>(cx.keySet());
            names.addAll(cy.keySet());
            for (String name : names) {
                if (!Objects.equals(cx.get(name), cy.get(name))) {
                    criteria.add(new CriterionChange(name, cx.get(name), cy.get(name)));
                }
            }
            String ox = x == null ? null : x.outcome();
            String oy = y == null ? null : y.outcome();
            BigDecimal tx = x == null ? null : x.total();
            BigDecimal ty = y == null ? null : y.total();
            boolean sameTotal = tx == null ? ty == null : ty != null && tx.compareTo(ty) == 0;
            boolean sameAmounts = x != null && y != null && Objects.equals(plain(x.benefits()), plain(y.benefits()));
            if (!Objects.equals(ox, oy) || !sameTotal || !sameAmounts || !criteria.isEmpty()) {
                out.add(new PolicyDifference(policy, ox, oy, tx, ty, List.copyOf(criteria)));
            }
        }
        return out;
    }

    /** Benefits compared by value: 1000 and 1000.00 are the same amount. */
    private static List<String> plain(List<Outcomes.Amount> benefits) {
        if (benefits == null) {
            return List.of();
        }
        return benefits.stream().map(b -> b.part() + "|" + b.kind() + "|" + strip(b.amount()) + "|" + b.months()
                + "|" + b.years() + "|" + strip(b.total())).toList();
    }

    private static String strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static Map<String, Outcomes> byPolicy(List<Outcomes> outcomes) {
        Map<String, Outcomes> map = new LinkedHashMap<>();
        outcomes.forEach(o -> map.put(o.policyId(), o));
        return map;
    }
}
