package cn.talentpolicy.facts;

import java.util.List;

/**
 * Homes owned and subsidised housing bought. {@code homesOwnedRegions == null} is unknown, an empty list is
 * known to own nothing; {@code boughtSubsidisedHousing == null} is unknown.
 */
public record Housing(String personId, List<String> homesOwnedRegions, Boolean boughtSubsidisedHousing)
        implements PersonFact {

    /** TRUE if a home is owned in the city, FALSE if not, null when unknown. */
    public Boolean ownsHomeInCity(String cityCode) {
        if (homesOwnedRegions == null) {
            return null;
        }
        return homesOwnedRegions.stream().anyMatch(r -> Regions.inCity(r, cityCode));
    }
}
