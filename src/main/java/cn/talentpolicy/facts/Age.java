package cn.talentpolicy.facts;

/** The person's age in whole years on the as-of date (see {@link Dates#ageOn}). */
public record Age(String personId, int years) implements DerivedFact {
}
