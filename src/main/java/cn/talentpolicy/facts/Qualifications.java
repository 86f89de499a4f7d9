package cn.talentpolicy.facts;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Title, skill level and honours. These can only raise a tier, so an omitted one means none
 * (catalogue conventions): {@code title} and {@code skillLevel} may be null, {@code honours} is never null.
 */
public record Qualifications(String personId, ProfessionalTitle title, SkillLevel skillLevel, Set<Honour> honours)
        implements PersonFact {

    public Qualifications {
        // in declaration order, so that messages listing them read the same on every run
        honours = honours == null || honours.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Honour.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(honours));
    }

    public boolean hasHonour(Honour honour) {
        return honours.contains(honour);
    }
}
