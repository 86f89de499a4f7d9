package cn.talentpolicy.sweeps;

import cn.talentpolicy.decisions.Benefit;
import cn.talentpolicy.decisions.CriterionResult;
import cn.talentpolicy.decisions.Decision;
import cn.talentpolicy.decisions.Evaluation;
import cn.talentpolicy.decisions.Outcome;
import cn.talentpolicy.facts.Employment;
import cn.talentpolicy.facts.LedgerEntry;
import cn.talentpolicy.facts.PersonFacts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one person stands under each policy after a sweep, and what they can newly claim.
 *
 * @param region the city (four-digit prefix, {@code 370100}) the person works in as the rules see it: the
 *               employer's region, the parent employer's for a recognised talent enclave, else where social
 *               insurance is paid, else the hukou; {@code unknown} when none is known
 * @param states one per decision policy, in ruleset order
 */
record PersonOutcome(String personId, String region, Map<String, State> states, List<Claim> claims) {

    /** A person's standing under one policy. */
    enum State {
        /** Eligible, and a part that pays is not in the subsidy ledger yet: to be notified. */
        CLAIMABLE('C'),
        /** Eligible, and every eligible part that pays is already in the ledger. */
        CLAIMED('P'),
        /** Eligible for something that pays nothing by itself (a certified talent tier). */
        CERTIFIED('T'),
        NEEDS_INFO('N'),
        INELIGIBLE('I');

        final char code;

        State(char code) {
            this.code = code;
        }

        static State of(char code) {
            for (State s : values()) {
                if (s.code == code) {
                    return s;
                }
            }
            throw new IllegalArgumentException("no state coded " + code);
        }
    }

    static PersonOutcome of(PersonFacts facts, Evaluation evaluation) {
        String region = region(facts);
        Map<String, State> states = new LinkedHashMap<>();
        List<Claim> claims = new ArrayList<>();
        for (Decision decision : evaluation.decisions()) {
            State state = state(facts, decision);
            states.put(decision.policyId(), state);
            if (state != State.CLAIMABLE) {
                continue;
            }
            List<Benefit> unclaimed = unclaimed(facts, decision);
            // the reasons for what is claimed: the policy's own criteria and those of the unclaimed parts, each
            // said once (a part that is not payable, or paid already, is not what the person is told about)
            java.util.Set<String> parts = new java.util.HashSet<>();
            unclaimed.forEach(b -> parts.add(b.part()));
            java.util.Set<String> reasons = new java.util.LinkedHashSet<>();
            for (CriterionResult c : decision.criteria()) {
                if (c.part() == null || parts.contains(c.part())) {
                    reasons.add(c.message().zh());
                }
            }
            BigDecimal total = BigDecimal.ZERO;
            for (Benefit b : unclaimed) {
                total = b.total() == null ? total : total.add(b.total());
            }
            claims.add(new Claim(facts.personId(), decision.policyId(), decision.title().zh(), region,
                    decision.certifiedTier(), unclaimed.stream().map(Claim.Payment::of).toList(), total, List.copyOf(reasons),
                    Claim.notification(facts.personId(), decision.title().zh(), unclaimed, total,
                            evaluation.asOf()), null));
        }
        return new PersonOutcome(facts.personId(), region, states, claims);
    }

    /** Whether the person can newly claim anything: only then are the reasons for it worded. */
    static boolean claimsAnything(PersonFacts facts, Evaluation evaluation) {
        for (Decision decision : evaluation.decisions()) {
            if (state(facts, decision) == State.CLAIMABLE) {
                return true;
            }
        }
        return false;
    }

    private static State state(PersonFacts facts, Decision decision) {
        if (decision.outcome() != Outcome.ELIGIBLE) {
            return decision.outcome() == Outcome.NEEDS_INFO ? State.NEEDS_INFO : State.INELIGIBLE;
        }
        if (decision.benefits().isEmpty()) {
            return State.CERTIFIED;
        }
        return unclaimed(facts, decision).isEmpty() ? State.CLAIMED : State.CLAIMABLE;
    }

    /** What the policy pays that the ledger does not show paid yet. */
    private static List<Benefit> unclaimed(PersonFacts facts, Decision decision) {
        return decision.benefits().stream().filter(b -> !inLedger(facts.ledger(), decision.policyId(), b.part())).toList();
    }

    /**
     * Whether the ledger already shows a payment under the policy part (an entry naming no part covers every
     * part, as the ledger-total rule reads it).
     */
    static boolean inLedger(List<LedgerEntry> ledger, String policyId, String part) {
        for (LedgerEntry entry : ledger) {
            if (entry.policyId().equals(policyId) && (entry.part() == null || entry.part().equals(part))) {
                return true;
            }
        }
        return false;
    }

    static String region(PersonFacts facts) {
        Employment employment = facts.employment();
        String code = null;
        if (employment != null && employment.atRecognisedEnclave()) {
            code = employment.enclave().parentEmployerRegion();
        } else if (employment != null && employment.employerRegion() != null) {
            code = employment.employerRegion();
        } else if (facts.socialInsurance() != null && facts.socialInsurance().region() != null) {
            code = facts.socialInsurance().region();
        } else if (facts.person() != null && facts.person().hukouRegion() != null) {
            code = facts.person().hukouRegion();
        }
        return code == null ? "unknown" : code.substring(0, 4) + "00";
    }

    /** The line of outcomes.tsv: id, region, then one state code per policy in the header's order. */
    String tsv(List<String> policies) {
        StringBuilder line = new StringBuilder(personId).append('\t').append(region);
        for (String policy : policies) {
            State state = states.get(policy);
            line.append('\t').append(state == null ? '-' : state.code);
        }
        return line.toString();
    }
}
