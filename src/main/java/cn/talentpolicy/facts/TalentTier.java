package cn.talentpolicy.facts;

import java.util.List;

/**
 * The talent tier certified by a city's tier policy ({@code certifiedBy}), "A" (highest) to "E", derived for
 * every person once that policy is decided: {@code tier} is null when no tier is certified, and then
 * {@code undecided} tells whether that is for want of facts (listed in {@code missingFacts}).
 */
public record TalentTier(String personId, String tier, String certifiedBy, boolean undecided,
                         List<String> missingFacts) implements DerivedFact, HasMissingFacts {

    public static TalentTier certified(String personId, String tier, String certifiedBy) {
        return new TalentTier(personId, tier, certifiedBy, false, List.of());
    }

    public static TalentTier none(String personId, String certifiedBy, boolean undecided, List<String> missingFacts) {
        return new TalentTier(personId, null, certifiedBy, undecided, List.copyOf(missingFacts));
    }

    public boolean isCertified() {
        return tier != null;
    }

    /** True when a tier is certified and it is one of the letters given, e.g. {@code isOneOf("BCD")}. */
    public boolean isOneOf(String tiers) {
        return tier != null && tiers.contains(tier);
    }
}
