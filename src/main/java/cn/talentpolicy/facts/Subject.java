package cn.talentpolicy.facts;

/**
 * The person a session judges, by id alone. A rule that needs a person to judge but none of their facts (a
 * policy's in-force date, "no home purchase recorded") matches this rather than {@link Person}, so that it is
 * not taken to rest on the person's identity record.
 */
public record Subject(String personId) implements PersonFact {
}
