package cn.talentpolicy.security;

import cn.talentpolicy.facts.Regions;

import java.util.Set;

/**
 * Who is calling: a name for the records (never shown to another caller), the authorities of {@link Roles}, and
 * the region code the caller works for (370200 for Qingdao's bureau, 370000 for the province; null for a
 * caller with no region, who is no officer).
 */
public record Caller(String name, Set<String> roles, String region) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /**
     * Whether the caller may see what was made under {@code madeUnder}: an auditor sees every region, an officer
     * the regions inside their own (a province officer sees Qingdao's sweeps, Qingdao's officer sees Laoshan's).
     */
    public boolean sees(String madeUnder) {
        return has(Roles.AUDITOR) || has(Roles.OFFICER) && Regions.within(madeUnder, region);
    }

    /**
     * Whether the caller may change (delete) what was made under {@code madeUnder}: only an officer, and only
     * inside their own region. Being an auditor as well lets one read every region, not change it.
     */
    public boolean mayChange(String madeUnder) {
        return has(Roles.OFFICER) && Regions.within(madeUnder, region);
    }
}
