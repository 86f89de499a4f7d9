package cn.talentpolicy.facts;

/**
 * A fact that belongs to one person. Every rule joins its patterns on {@link #personId()}, so one rule
 * session can hold the facts of many people at once (population sweeps rely on it).
 */
public interface PersonFact {
    String personId();
}
