package cn.talentpolicy.sweeps;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code summary.json}: what a sweep found, by policy and by region. It holds counts only (no timings), so the
 * same population, rules and date give the same summary, and summaries of shards add up to the summary of the
 * whole population ({@link #merge}).
 *
 * @param shards    the shards it covers ({@code 3/8}); empty for a whole population
 * @param entries   population entries read (in the shards covered)
 * @param people    entries evaluated
 * @param rejected  entries rejected (see rejects.jsonl)
 * @param claimants people with at least one claim
 * @param claims    (person, policy) pairs newly claimable
 * @param amount    what the claims come to, in CNY
 */
public record SweepSummary(LocalDate asOf, String rulesetVersion, List<String> shards, long entries, long people,
                           long rejected, long claimants, long claims, BigDecimal amount,
                           List<PolicyCount> policies, List<RegionCount> regions) {

    /** How the people swept stand under one policy; {@code amount} is what its claims come to. */
    public record PolicyCount(String policyId, String title, long claimable, BigDecimal amount, long claimed,
                              long certified, long needsInfo, long ineligible) {
    }

    /** The claims of the people working in one city. */
    public record RegionCount(String region, String name, long claimants, long claims, BigDecimal amount) {
    }

    /** The summary of several shards' sweeps of one population, on one ruleset and date. */
    public static SweepSummary merge(List<SweepSummary> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        SweepSummary first = parts.get(0);
        Tally tally = new Tally(first.asOf(), first.rulesetVersion(), List.of(), Map.of());
        List<String> shards = new ArrayList<>();
        for (SweepSummary part : parts) {
            if (!part.asOf().equals(first.asOf()) || !part.rulesetVersion().equals(first.rulesetVersion())) {
                throw new IllegalArgumentException("summaries of different sweeps: " + first.asOf() + " on ruleset "
                        + first.rulesetVersion() + ", and " + part.asOf() + " on ruleset " + part.rulesetVersion());
            }
            if (part.shards().isEmpty()) {
                throw new IllegalArgumentException("a sweep of the whole population is among the parts: only shards "
                        + "of one population (--shard I/N) are merged");
            }
            for (String shard : part.shards()) {
                if (Shard.parse(shard).count() != Shard.parse(part.shards().get(0)).count()
                        || !shards.isEmpty() && Shard.parse(shard).count() != Shard.parse(shards.get(0)).count()) {
                    throw new IllegalArgumentException("shards of different splits: " + shard + " with "
                            + (shards.isEmpty() ? part.shards().get(0) : shards.get(0)));
                }
                if (shards.contains(shard)) {
                    throw new IllegalArgumentException("shard " + shard + " is given twice");
                }
                shards.add(shard);
            }
            tally.add(part);
        }
        return tally.summary(complete(shards) ? List.of() : shards.stream().sorted().toList());
    }

    /** True when the shards are 0/N .. N-1/N exactly: together they are the whole population. */
    private static boolean complete(List<String> shards) {
        if (shards.isEmpty()) {
            return false;
        }
        int count = Shard.parse(shards.get(0)).count();
        return shards.size() == count && shards.stream().map(Shard::parse).allMatch(s -> s.count() == count);
    }

    /** The running counts of a sweep (also of a merge and of a change-only re-sweep). Not thread-safe. */
    static final class Tally {
        final LocalDate asOf;
        final String rulesetVersion;
        final List<String> shards;
        long entries;
        long people;
        long rejected;
        long claimants;
        long claims;
        BigDecimal amount = BigDecimal.ZERO;
        final Map<String, long[]> policyCounts = new TreeMap<>(); // claimable, claimed, certified, needsInfo, ineligible
        final Map<String, BigDecimal> policyAmounts = new TreeMap<>();
        final Map<String, String> titles;
        final Map<String, long[]> regionCounts = new TreeMap<>(); // claimants, claims
        final Map<String, BigDecimal> regionAmounts = new TreeMap<>();

        Tally(LocalDate asOf, String rulesetVersion, List<String> shards, Map<String, String> titles) {
            this.asOf = asOf;
            this.rulesetVersion = rulesetVersion;
            this.shards = shards;
            this.titles = new TreeMap<>(titles);
            titles.keySet().forEach(p -> {
                policyCounts.put(p, new long[5]);
                policyAmounts.put(p, BigDecimal.ZERO);
            });
        }

        /** Adds (sign 1) or takes away (sign -1) one person's outcome. */
        void person(PersonOutcome outcome, int sign) {
            people += sign;
            outcome.states().forEach((policy, state) ->
                    policyCounts.computeIfAbsent(policy, p -> new long[5])[state.ordinal()] += sign);
            if (!outcome.claims().isEmpty()) {
                claimants += sign;
                long[] region = regionCounts.computeIfAbsent(outcome.region(), r -> new long[2]);
                region[0] += sign;
                for (Claim claim : outcome.claims()) {
                    BigDecimal signed = sign > 0 ? claim.total() : claim.total().negate();
                    claims += sign;
                    region[1] += sign;
                    amount = amount.add(signed);
                    policyAmounts.merge(claim.policyId(), signed, BigDecimal::add);
                    regionAmounts.merge(outcome.region(), signed, BigDecimal::add);
                }
            }
        }

        void add(SweepSummary s) {
            entries += s.entries();
            people += s.people();
            rejected += s.rejected();
            claimants += s.claimants();
            claims += s.claims();
            amount = amount.add(s.amount());
            for (PolicyCount p : s.policies()) {
                titles.putIfAbsent(p.policyId(), p.title());
                long[] c = policyCounts.computeIfAbsent(p.policyId(), k -> new long[5]);
                c[0] += p.claimable();
                c[1] += p.claimed();
                c[2] += p.certified();
                c[3] += p.needsInfo();
                c[4] += p.ineligible();
                policyAmounts.merge(p.policyId(), p.amount(), BigDecimal::add);
            }
            for (RegionCount r : s.regions()) {
                long[] c = regionCounts.computeIfAbsent(r.region(), k -> new long[2]);
                c[0] += r.claimants();
                c[1] += r.claims();
                regionAmounts.merge(r.region(), r.amount(), BigDecimal::add);
            }
        }

        SweepSummary summary() {
            return summary(shards);
        }

        SweepSummary summary(List<String> shardList) {
            List<PolicyCount> policies = new ArrayList<>();
            policyCounts.forEach((id, c) -> policies.add(new PolicyCount(id, titles.getOrDefault(id, id), c[0],
                    plain(policyAmounts.getOrDefault(id, BigDecimal.ZERO)), c[1], c[2], c[3], c[4])));
            List<RegionCount> regions = new ArrayList<>();
            regionCounts.forEach((code, c) -> {
                if (c[0] != 0 || c[1] != 0) {
                    regions.add(new RegionCount(code, Cities.name(code), c[0], c[1],
                            plain(regionAmounts.getOrDefault(code, BigDecimal.ZERO))));
                }
            });
            return new SweepSummary(asOf, rulesetVersion, shardList, entries, people, rejected, claimants, claims,
                    plain(amount), policies, regions);
        }

        private static BigDecimal plain(BigDecimal value) {
            BigDecimal stripped = value.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
    }
}
