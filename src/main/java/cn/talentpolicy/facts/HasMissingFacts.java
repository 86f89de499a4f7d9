package cn.talentpolicy.facts;

import java.util.List;

/**
 * A fact that may be undecided for want of input facts, and says which (as request paths such as
 * {@code socialInsurance.region}). A criterion that is UNKNOWN because of it lists them.
 */
public interface HasMissingFacts {
    List<String> missingFacts();
}
